/** Reads the metadata the workflow points at: a fastlane folder or one JSON/YAML file. */
import { InputError } from '@asc-actions/core';
import { readMetadataFile } from './metadata-file.js';
import { readAgeRatingFile } from './age-rating-file.js';
import { readFolder, type ReadContext } from './folder.js';
import type { MetadataSource } from '../../model/source.js';

export interface SourceSettings {
  metadataPath?: string;
  metadataFile?: string;
  /** Absolute path resolution and display are the caller's (workspace-relative). */
  resolve: (path: string) => string;
  display: (path: string) => string;
  platform: string;
  /** `age-rating-file`: deliver's app_rating_config_path JSON. */
  ageRatingFile?: string;
  /** Only these locales (already checked to be App Store locales); empty: all. */
  locales: readonly string[];
}

function hasAnything(source: MetadataSource): boolean {
  return (
    source.locales.size > 0 ||
    Object.keys(source.defaults).length > 0 ||
    Object.keys(source.global).length > 0 ||
    Object.keys(source.review).length > 0 ||
    source.blankReview.length > 0 ||
    source.ageRating !== undefined ||
    source.hadLocales === true ||
    source.findings.some((f) => f.level === 'error')
  );
}

export function readSource(settings: SourceSettings): MetadataSource {
  const ctx: ReadContext = { display: settings.display, platform: settings.platform, locales: settings.locales };
  const source =
    settings.metadataFile !== undefined
      ? readMetadataFile(
          settings.resolve(settings.metadataFile),
          settings.display(settings.resolve(settings.metadataFile)),
          settings.locales,
        )
      : readFolder(settings.resolve(settings.metadataPath!), ctx);
  if (settings.ageRatingFile !== undefined) {
    const path = settings.resolve(settings.ageRatingFile);
    source.ageRating = readAgeRatingFile(path, settings.display(path), source.findings);
  }
  if (!hasAnything(source)) {
    const input = settings.metadataFile !== undefined ? 'metadata-file' : 'metadata-path';
    const skipped = source.findings.filter((f) => f.code === 'unknown-locale').length;
    const why =
      skipped > 0 ? ` (${skipped} folder${skipped > 1 ? 's were' : ' was'} skipped as not App Store locales)` : '';
    throw new InputError(
      `Input "${input}": ${source.root} holds no metadata: no locale folders, no default/, no copyright or categories${why}.`,
      { input },
    );
  }
  source.hadLocales = source.hadLocales || source.locales.size > 0;
  if (settings.locales.length > 0) {
    source.localeFilter = settings.locales;
    for (const locale of [...source.locales.keys()])
      if (!settings.locales.includes(locale)) source.locales.delete(locale);
  }
  return source;
}
