/**
 * Creating without duplicates. A POST is not retried blindly: when its outcome is unknown (the
 * connection dropped, a 5xx, rate limiting that outlasted the client's retries) or Apple says
 * the resource exists (409), the collection is read again; a resource that is there is adopted
 * (and patched to the planned values), one that is not is created again.
 */
import { ConflictError, NetworkError, RateLimitError, ServerError } from '@asc-actions/core';
import type { AttributeValue } from '../model/plan.js';

export interface Existing {
  id: string;
  attributes: Record<string, unknown>;
}

export interface CreateOrAdopt {
  create(): Promise<{ id: string }>;
  find(): Promise<Existing | undefined>;
  update(id: string, attributes: Record<string, AttributeValue>): Promise<void>;
  /** The planned attributes (to patch an adopted resource with). */
  attributes: Record<string, AttributeValue>;
  attempts?: number;
}

const outcomeUnknown = (error: unknown): boolean =>
  error instanceof NetworkError || error instanceof ServerError || error instanceof RateLimitError;

async function adopt(op: CreateOrAdopt, existing: Existing): Promise<{ id: string; adopted: true }> {
  const differing: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(op.attributes)) {
    if (name === 'locale') continue;
    if ((existing.attributes[name] ?? null) !== value) differing[name] = value;
  }
  if (Object.keys(differing).length > 0) await op.update(existing.id, differing);
  return { id: existing.id, adopted: true };
}

export async function createOrAdopt(op: CreateOrAdopt): Promise<{ id: string; adopted: boolean }> {
  const attempts = op.attempts ?? 3;
  let last: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return { ...(await op.create()), adopted: false };
    } catch (error) {
      if (!outcomeUnknown(error) && !(error instanceof ConflictError)) throw error;
      last = error;
      const existing = await op.find();
      if (existing) return adopt(op, existing);
      if (error instanceof ConflictError) throw error;
    }
  }
  throw last;
}
