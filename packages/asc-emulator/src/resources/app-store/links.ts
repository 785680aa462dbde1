/** Two-way linkage between stored resources (a parent's to-many list and a child's to-one). */
import type { Linkage, ResourceRecord } from '../../types.js';
import type { EmulatorState } from '../../store/state.js';

/** Adds `child` to `parent.relationships[name]` (a to-many list) once. */
export function linkChild(parent: ResourceRecord, name: string, child: ResourceRecord): void {
  const current = parent.relationships[name];
  const list: Linkage[] = Array.isArray(current) ? current : [];
  if (!list.some((l) => l.id === child.id && l.type === child.type)) list.push({ type: child.type, id: child.id });
  parent.relationships[name] = list;
}

export function unlinkChild(parent: ResourceRecord, name: string, child: ResourceRecord): void {
  const current = parent.relationships[name];
  if (Array.isArray(current))
    parent.relationships[name] = current.filter((l) => !(l.id === child.id && l.type === child.type));
}

/** The record a to-one relationship points at. */
export function related(
  state: EmulatorState,
  record: ResourceRecord,
  name: string,
  type: string,
): ResourceRecord | undefined {
  const id = state.relatedId(record, name);
  return id === undefined ? undefined : state.get(type, id);
}

/** The records of a type whose to-one `name` points at `parentId`, in insertion order. */
export function childrenOf(state: EmulatorState, type: string, name: string, parentId: string): ResourceRecord[] {
  return state.all(type).filter((r) => state.relatedId(r, name) === parentId);
}
