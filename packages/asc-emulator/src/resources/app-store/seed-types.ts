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
}

/** One app's store metadata. `app` is the app's id or bundle id (the app must be seeded too). */
export interface SeedAppStore {
  app: string;
  appInfos?: SeedAppInfo[];
  versions?: SeedAppStoreVersion[];
}
