/** Screenshots and previews on disk and on App Store Connect, and the plan between them. Pure data. */
export type MediaKind = 'screenshot' | 'preview';
export type SyncMode = 'add' | 'replace' | 'mirror';

export interface LocalAsset {
  fileName: string;
  path: string;
  /** Relative to the workspace, for messages. */
  display: string;
  size: number;
  md5: string;
  width?: number;
  height?: number;
  durationSeconds?: number;
}

export interface LocalSet {
  kind: MediaKind;
  locale: string;
  /** ScreenshotDisplayType or PreviewType. */
  displayType: string;
  files: LocalAsset[];
}

export interface LocalMedia {
  /** Locales that have a folder, per kind (mirror deletes only within these). */
  locales: Record<MediaKind, string[]>;
  sets: LocalSet[];
}

export interface RemoteAsset {
  id: string;
  fileName: string;
  checksum?: string;
  state?: string;
  /** Previews: the poster frame (`previewFrameTimeCode`). */
  frameTime?: string;
}

export interface RemoteSet {
  kind: MediaKind;
  locale: string;
  localizationId: string;
  id: string;
  displayType: string;
  assets: RemoteAsset[];
}

export interface MediaSetPlan {
  kind: MediaKind;
  locale: string;
  displayType: string;
  localizationId: string;
  /** undefined: the set does not exist yet. */
  setId?: string;
  kept: RemoteAsset[];
  upload: LocalAsset[];
  /** Remote assets of the same file name whose content changed: deleted, then uploaded anew. */
  replaced: Array<{ remote: RemoteAsset; local: LocalAsset }>;
  deleted: RemoteAsset[];
  /** The final order differs from the current one. */
  reorder: boolean;
  /** The desired order: local file names (add mode: then the kept extras). */
  order: Array<{ fileName: string; md5?: string; remoteId?: string }>;
  /** Mirror: the whole set goes. */
  deleteSet: boolean;
}

export interface MediaPlan {
  sets: MediaSetPlan[];
  /** Locales with media but no version localization: nothing can be uploaded there. */
  missingLocalizations: string[];
}

export const isEmptySetPlan = (s: MediaSetPlan): boolean =>
  s.upload.length === 0 && s.replaced.length === 0 && s.deleted.length === 0 && !s.reorder && !s.deleteSet;
