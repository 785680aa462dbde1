/** What the store holds: JSON:API resources and their linkage, and seeded sales reports. */

/** Linkage of a relationship: to-one, to-many or empty. */
export interface Linkage {
  type: string;
  id: string;
}
export type RelationshipData = Linkage | Linkage[] | null;

/** A stored JSON:API resource. */
export interface ResourceRecord {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  relationships: Record<string, RelationshipData>;
}

/** One Sales and Trends report. `tsv: null` means Apple answers "no sales for the date". */
export interface SeedSalesReport {
  vendorNumber: string;
  reportType: string;
  reportSubType: string;
  frequency: string;
  reportDate: string;
  version: string;
  tsv: string | null;
}
