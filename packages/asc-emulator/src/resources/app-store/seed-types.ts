/** Seed shapes for an app's store metadata: app infos, versions, both localization kinds, review details. */

/** Attribute name → value, as the API names them (`name`, `subtitle`, `description`, `whatsNew` …). */
export type SeedAttributes = Record<string, string>;

export interface SeedAppInfo {
  id?: string;
  /** `AppInfo.state`, e.g. READY_FOR_DISTRIBUTION (live) or PREPARE_FOR_SUBMISSION (editable). */
  state: string;
  /** Relationship → category id, e.g. `{ primaryCategory: 'PRODUCTIVITY' }`. */
  categories?: Record<string, string>;
  /** Locale → attributes. */
  localizations?: Record<string, SeedAttributes>;
  /** Age rating answers (AgeRatingDeclaration attributes); absent: not declared yet. */
  ageRating?: Record<string, unknown>;
}

export interface SeedReviewDetail {
  contactFirstName?: string;
  contactLastName?: string;
  contactPhone?: string;
  contactEmail?: string;
  demoAccountName?: string;
  demoAccountPassword?: string;
  demoAccountRequired?: boolean;
  notes?: string;
}

export interface SeedAppStoreVersion {
  id?: string;
  /** Default IOS. */
  platform?: string;
  versionString: string;
  /** `appVersionState`. */
  state: string;
  copyright?: string;
  createdDate?: string;
  localizations?: Record<string, SeedAttributes>;
  reviewDetail?: SeedReviewDetail;
  /** App Review (resources/app-review/seed.ts): the attached build, by id or build number. */
  build?: string;
  releaseType?: 'MANUAL' | 'AFTER_APPROVAL' | 'SCHEDULED';
  earliestReleaseDate?: string;
  /** A phased release in this state. */
  phasedRelease?: 'INACTIVE' | 'ACTIVE' | 'PAUSED' | 'COMPLETE';
  /** Screenshot display type → how many processed screenshots, on the first localization. */
  screenshots?: Record<string, number>;
  /** A review submission in this state holding this version (its one item). */
  submission?: 'READY_FOR_REVIEW' | 'WAITING_FOR_REVIEW' | 'IN_REVIEW' | 'UNRESOLVED_ISSUES';
}

/** One app's store metadata. `app` is the app's id or bundle id (the app must be seeded too). */
export interface SeedAppStore {
  app: string;
  appInfos?: SeedAppInfo[];
  versions?: SeedAppStoreVersion[];
}
