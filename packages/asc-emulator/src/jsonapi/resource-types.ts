/** What the generic JSON:API code needs to know about a resource type. */
import type { ResourceRecord } from '../types.js';
import type { EmulatorState } from '../store/state.js';

export interface RelationshipSpec {
  /** The related resource type, e.g. 'apps'. */
  type: string;
  many?: boolean;
}

/** Decides whether a record passes `filter[name]=v1,v2`. */
export type FilterFn = (record: ResourceRecord, values: string[], state: EmulatorState) => boolean;

export interface ResourceType {
  type: string;
  /** Relationships the emulator serializes (links, and data when included). */
  relationships: Record<string, RelationshipSpec>;
  /**
   * Filters beyond the generic ones (`filter[id]`, `filter[<attribute>]` by equality,
   * `filter[<relationship>]` by related id). Key: the name inside the brackets.
   */
  filters?: Record<string, FilterFn>;
}

export type TypeRegistry = ReadonlyMap<string, ResourceType>;
