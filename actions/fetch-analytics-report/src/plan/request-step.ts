/** First run or later run (pure): use the app's producing request, or create one (replacing a stopped one). */
import type { FoundRequests } from '../read/request.js';

export type RequestStep = { kind: 'use'; id: string } | { kind: 'create'; replacing: string[] };

export function planRequest(found: FoundRequests): RequestStep {
  return found.active ? { kind: 'use', id: found.active } : { kind: 'create', replacing: found.stopped };
}
