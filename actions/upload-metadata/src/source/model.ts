/** What the repository says the metadata should be, before it is compared with App Store Connect. */
import type { Finding } from '../findings.js';
import type { GlobalKey, LocalizedKey, ReviewKey } from '../fields.js';

/** One value and where it came from. `value: null` clears the field. */
export interface SourceValue {
  value: string | null;
  file: string;
  line: number;
}

export type LocalizedValues = Partial<Record<LocalizedKey, SourceValue>>;

export interface MetadataSource {
  kind: 'folder' | 'file';
  /** Workspace-relative path of the folder or file read. */
  root: string;
  /** App Store locale → values (unknown locales are already reported and left out). */
  locales: Map<string, LocalizedValues>;
  /** `default/` (or the `default` key): fills values a locale does not set. */
  defaults: LocalizedValues;
  global: Partial<Record<GlobalKey, SourceValue>>;
  review: Partial<Record<ReviewKey, SourceValue>>;
  /** Review fields given but blank (deliver download_metadata writes blank demo files for apps without sign-in). */
  blankReview: ReviewKey[];
  findings: Finding[];
  /** The repository had locale folders or keys (before a `locales` filter): default/ fills only those. */
  hadLocales?: boolean;
  /** The `locales` input, when given. */
  localeFilter?: readonly string[];
}

export function emptySource(kind: MetadataSource['kind'], root: string): MetadataSource {
  return { kind, root, locales: new Map(), defaults: {}, global: {}, review: {}, blankReview: [], findings: [] };
}
