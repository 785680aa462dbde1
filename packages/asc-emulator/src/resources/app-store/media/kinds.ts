/** Screenshots and app previews share one shape: a set per display type, assets in it, uploaded in parts. */
export interface MediaKind {
  setType: 'appScreenshotSets' | 'appPreviewSets';
  assetType: 'appScreenshots' | 'appPreviews';
  /** The set's display-type attribute. */
  setAttribute: 'screenshotDisplayType' | 'previewType';
  /** The asset's to-one relationship to its set. */
  setRelationship: 'appScreenshotSet' | 'appPreviewSet';
  /** The localization's to-many relationship to its sets. */
  localizationRelationship: 'appScreenshotSets' | 'appPreviewSets';
  /** Apple's limit per set: 10 screenshots, 3 previews. */
  maxPerSet: number;
}

export const SCREENSHOTS: MediaKind = {
  setType: 'appScreenshotSets',
  assetType: 'appScreenshots',
  setAttribute: 'screenshotDisplayType',
  setRelationship: 'appScreenshotSet',
  localizationRelationship: 'appScreenshotSets',
  maxPerSet: 10,
};

export const PREVIEWS: MediaKind = {
  setType: 'appPreviewSets',
  assetType: 'appPreviews',
  setAttribute: 'previewType',
  setRelationship: 'appPreviewSet',
  localizationRelationship: 'appPreviewSets',
  maxPerSet: 3,
};

export const MEDIA_KINDS = [SCREENSHOTS, PREVIEWS] as const;

export function kindOfAsset(type: string): MediaKind | undefined {
  return MEDIA_KINDS.find((k) => k.assetType === type);
}
