/**
 * The emulator's in-memory store: JSON:API resources by type and id (insertion ordered), plus
 * the Sales and Trends reports. Tests read and write it directly.
 */
import type { Linkage, RelationshipData, ResourceRecord, SeedSalesReport } from './records.js';
import type { SeedReportVendor } from '../reports/vendors.js';

/** Apple's app ids are numeric strings; almost everything else is a UUID. */
const NUMERIC_ID_TYPES = new Set(['apps', 'builds']);

export interface NewResource {
  id?: string;
  attributes?: Record<string, unknown>;
  relationships?: Record<string, RelationshipData>;
}

export class EmulatorState {
  private readonly tables = new Map<string, Map<string, ResourceRecord>>();
  private counter = 0;
  /** Sales and Trends reports; see resources/sales-reports.ts. */
  readonly salesReports: SeedSalesReport[] = [];
  /** Vendors whose reports are generated on request; see reports/vendors.ts. */
  readonly reportVendors: SeedReportVendor[] = [];

  /** All resources of a type, in insertion order (a copy of the list, the records themselves). */
  all(type: string): ResourceRecord[] {
    return [...(this.tables.get(type)?.values() ?? [])];
  }

  get(type: string, id: string): ResourceRecord | undefined {
    return this.tables.get(type)?.get(id);
  }

  /** Inserts a resource, assigning a deterministic id when none is given. */
  create(type: string, r: NewResource = {}): ResourceRecord {
    const id = r.id ?? this.newId(type);
    if (this.get(type, id)) throw new Error(`${type} ${id} already exists`);
    const record: ResourceRecord = {
      type,
      id,
      attributes: { ...(r.attributes ?? {}) },
      relationships: { ...(r.relationships ?? {}) },
    };
    this.table(type).set(id, record);
    return record;
  }

  /** Merges attributes (and replaces the given relationships) of an existing resource. */
  update(type: string, id: string, patch: Omit<NewResource, 'id'>): ResourceRecord {
    const record = this.get(type, id);
    if (!record) throw new Error(`${type} ${id} does not exist`);
    Object.assign(record.attributes, patch.attributes ?? {});
    Object.assign(record.relationships, patch.relationships ?? {});
    return record;
  }

  remove(type: string, id: string): boolean {
    return this.tables.get(type)?.delete(id) ?? false;
  }

  /** The id of a to-one relationship, or undefined. */
  relatedId(record: ResourceRecord, name: string): string | undefined {
    const data = record.relationships[name];
    return data && !Array.isArray(data) ? data.id : undefined;
  }

  /** Ids of a relationship, to-one or to-many. */
  relatedIds(record: ResourceRecord, name: string): string[] {
    const data = record.relationships[name];
    if (!data) return [];
    return (Array.isArray(data) ? data : [data]).map((l: Linkage) => l.id);
  }

  /** Shorthands for the resource types most tests look at. */
  apps(): ResourceRecord[] {
    return this.all('apps');
  }

  betaGroups(): ResourceRecord[] {
    return this.all('betaGroups');
  }

  /** Each stored report's key as the query of `GET /v1/salesReports` (`filter[vendorNumber]` …). */
  salesReportKeys(): Array<Record<string, string>> {
    return this.salesReports.map((r) => ({
      'filter[vendorNumber]': r.vendorNumber,
      'filter[reportType]': r.reportType,
      'filter[reportSubType]': r.reportSubType,
      'filter[frequency]': r.frequency,
      'filter[reportDate]': r.reportDate,
      'filter[version]': r.version,
    }));
  }

  /** Deterministic ids keep transcripts and benches reproducible. */
  newId(type: string): string {
    this.counter += 1;
    const n = this.counter;
    if (NUMERIC_ID_TYPES.has(type)) return String(6_400_000_000 + n);
    return `e0a5c0de-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  }

  private table(type: string): Map<string, ResourceRecord> {
    let t = this.tables.get(type);
    if (!t) {
      t = new Map();
      this.tables.set(type, t);
    }
    return t;
  }
}
