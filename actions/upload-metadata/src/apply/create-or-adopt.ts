/**
 * Creating without duplicates. A POST is not retried blindly: when its outcome is unknown (the
 * connection dropped, a 5xx, rate limiting that outlasted the client's retries) or Apple says
 * the resource exists (409), the collection is read again; a resource that is there is adopted
 * (and patched to the planned values), one that is not is created again.
 */
import { ConflictError, NetworkError, RateLimitError, ServerError } from '@asc-actions/core';

export interface Existing {
  id: string;
  attributes: Record<string, unknown>;
}

export interface CreateOrAdopt<A extends object> {
  create(): Promise<{ id: string }>;
  find(): Promise<Existing | undefined>;
  /** Called with the planned attributes that differ from the adopted resource's (never its locale). */
  update(id: string, attributes: Partial<A>): Promise<void>;
  /** The planned attributes (to patch an adopted resource with). */
  attributes: A;
  attempts?: number;
}

const outcomeUnknown = (error: unknown): boolean =>
  error instanceof NetworkError || error instanceof ServerError || error instanceof RateLimitError;

async function adopt<A extends object>(
  op: CreateOrAdopt<A>,
  existing: Existing,
): Promise<{ id: string; adopted: true }> {
  const differing: Partial<A> = { ...op.attributes };
  for (const [name, value] of Object.entries(op.attributes))
    if (name === 'locale' || (existing.attributes[name] ?? null) === value) Reflect.deleteProperty(differing, name);
  if (Object.keys(differing).length > 0) await op.update(existing.id, differing);
  return { id: existing.id, adopted: true };
}

export async function createOrAdopt<A extends object>(op: CreateOrAdopt<A>): Promise<{ id: string; adopted: boolean }> {
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
