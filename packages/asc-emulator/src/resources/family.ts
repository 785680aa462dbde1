/**
 * A resource family (one file under resources/): its types, routes and seed. Adding a family is
 * adding one file and one line in resources/index.ts.
 */
import type { ResourceRecord, Seed } from '../types.js';
import type { EmulatorState } from '../store/state.js';
import type { ResourceType } from '../jsonapi/resource-types.js';
import type { HandlerContext, Route } from '../routing/router.js';
import type { RawRoute } from '../server/pipeline.js';
import { attributeRequired, invalidAttribute, resourceNotFound, unknownAttribute } from '../jsonapi/errors.js';

export interface ResourceFamily {
  name: string;
  types: ResourceType[];
  routes: Route[];
  /** Routes outside the API (no JWT, no contract), e.g. pre-signed upload URLs. */
  rawRoutes?: RawRoute[];
  /** Puts this family's part of a seed into the state. Families run in the order listed. */
  seed?: (state: EmulatorState, seed: Seed) => void;
  /** Brings this family's clock-driven state up to `now`; runs before every request's handler. */
  refresh?: (state: EmulatorState, now: number) => void;
}

/** The stored resource or Apple's 404. */
export function requireResource(ctx: HandlerContext, type: string, id: string): ResourceRecord {
  const record = ctx.state.get(type, id);
  if (!record) throw resourceNotFound(type, id);
  return record;
}

/** The `data` member of a JSON:API request body (shape already checked by the contract when the spec is loaded). */
export function bodyData(ctx: HandlerContext): {
  id?: string;
  type?: string;
  attributes?: Record<string, unknown>;
  relationships?: Record<string, { data?: unknown }>;
} {
  const data = (ctx.body as { data?: unknown } | undefined)?.data;
  if (!data || typeof data !== 'object')
    throw invalidAttribute('/data', 'The request body must contain a data object.');
  return data;
}

/** Field limits are counted in Unicode code points, as Apple counts them. */
export function checkLength(pointer: string, value: unknown, max: number): void {
  if (typeof value === 'string' && [...value].length > max) {
    throw invalidAttribute(pointer, `The value exceeds the maximum length of ${max} characters.`);
  }
}

export function checkRequiredString(pointer: string, name: string, value: unknown): void {
  if (value === undefined || value === null) throw attributeRequired(pointer, name);
  if (typeof value !== 'string' || value.trim() === '')
    throw invalidAttribute(pointer, `The attribute '${name}' must be a non-empty string.`);
}

/**
 * The live API refuses attributes an operation does not take (409), although the spec's
 * request schemas do not say `additionalProperties: false`. The emulator follows the live API.
 */
export function checkAllowedAttributes(
  attributes: Record<string, unknown>,
  allowed: readonly string[],
  operation: 'CREATE' | 'UPDATE',
): void {
  for (const name of Object.keys(attributes)) {
    if (!allowed.includes(name)) throw unknownAttribute(`/data/attributes/${name}`, name, operation);
  }
}
