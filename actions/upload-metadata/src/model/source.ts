/** What the repository says the metadata should be, before it is compared with App Store Connect. */
import type { Finding } from './findings.js';
import type { GlobalKey, ReviewKey } from './app-wide-fields.js';
import type { LocalizedKey } from './fields.js';
import type { AgeRatingAnswer } from './age-rating.js';

/** One value and where it came from. `value: null` clears the field. */
export interface SourceValue {
  value: string | null;
  file: string;
  line: number;
}

/** Age rating answers and where they came from (a file and the line of each). */
export interface AgeRatingSource {
  file: string;
  answers: Record<string, { value: AgeRatingAnswer; line: number }>;
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
  /** `age-rating-file`, or `age_rating` in a metadata file. */
  ageRating?: AgeRatingSource;
  findings: Finding[];
  /** The repository had locale folders or keys (before a `locales` filter): default/ fills only those. */
  hadLocales?: boolean;
  /** The `locales` input, when given. */
  localeFilter?: readonly string[];
}

export function emptySource(kind: MetadataSource['kind'], root: string): MetadataSource {
  return { kind, root, locales: new Map(), defaults: {}, global: {}, review: {}, blankReview: [], findings: [] };
}
