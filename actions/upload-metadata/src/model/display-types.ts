/**
 * App Store screenshot sizes per display type (portrait width × height; landscape is the same
 * pair swapped), from Apple's "Screenshot specifications" page. Some sizes belong to more than
 * one display type (2048×2732: iPad Pro 12.9" 2nd and 3rd+ generation; 3840×2160: Apple TV and
 * Vision Pro): those need a folder named after the display type, or fastlane's `appleTV` folder.
 */
type Size = readonly [number, number];

const PORTRAIT: Record<string, readonly Size[]> = {
  APP_IPHONE_67: [
    [1290, 2796],
    [1320, 2868],
    [1260, 2736],
  ],
  APP_IPHONE_65: [
    [1242, 2688],
    [1284, 2778],
  ],
  APP_IPHONE_61: [
    [1179, 2556],
    [1206, 2622],
    [1170, 2532],
  ],
  APP_IPHONE_58: [
    [1125, 2436],
    [1080, 2340],
  ],
  APP_IPHONE_55: [[1242, 2208]],
  APP_IPHONE_47: [[750, 1334]],
  APP_IPHONE_40: [
    [640, 1136],
    [640, 1096],
  ],
  APP_IPHONE_35: [
    [640, 960],
    [640, 920],
  ],
  APP_IPAD_PRO_3GEN_129: [
    [2048, 2732],
    [2064, 2752],
  ],
  APP_IPAD_PRO_129: [[2048, 2732]],
  APP_IPAD_PRO_3GEN_11: [
    [1668, 2388],
    [1640, 2360],
    [1668, 2420],
    [1488, 2266],
  ],
  APP_IPAD_105: [[1668, 2224]],
  APP_IPAD_97: [
    [1536, 2048],
    [768, 1024],
  ],
  APP_WATCH_ULTRA: [
    [410, 502],
    [422, 514],
  ],
  APP_WATCH_SERIES_10: [[416, 496]],
  APP_WATCH_SERIES_7: [[396, 484]],
  APP_WATCH_SERIES_4: [[368, 448]],
  APP_WATCH_SERIES_3: [[312, 390]],
};

/** Landscape only. */
const LANDSCAPE: Record<string, readonly Size[]> = {
  APP_DESKTOP: [
    [1280, 800],
    [1440, 900],
    [2560, 1600],
    [2880, 1800],
  ],
  APP_APPLE_TV: [
    [1920, 1080],
    [3840, 2160],
  ],
  APP_APPLE_VISION_PRO: [[3840, 2160]],
};

const WATCH = /^APP_WATCH_/;

/** Every size a display type accepts, as "W×H" strings. */
export function sizesOf(displayType: string): string[] {
  const base = displayType.replace(/^IMESSAGE_/, '');
  const portrait = PORTRAIT[base] ?? [];
  const landscape = LANDSCAPE[base] ?? [];
  // Watch screenshots are portrait only.
  const rotated = WATCH.test(base) ? [] : portrait.map(([w, h]) => [h, w] as Size);
  return [...portrait, ...rotated, ...landscape].map(([w, h]) => `${w}×${h}`);
}

export const SCREENSHOT_DISPLAY_TYPES: readonly string[] = [
  ...Object.keys(PORTRAIT),
  ...Object.keys(LANDSCAPE),
  ...Object.keys(PORTRAIT)
    .filter((t) => /^APP_(IPHONE|IPAD)/.test(t))
    .map((t) => `IMESSAGE_${t}`),
];

/** The display types an image of this size can be, within `candidates`. */
export function displayTypesFor(
  width: number,
  height: number,
  candidates: readonly string[] = SCREENSHOT_DISPLAY_TYPES,
): string[] {
  const size = `${width}×${height}`;
  return candidates.filter((t) => sizesOf(t).includes(size));
}

/** Which display types a folder may hold: fastlane's iMessage and appleTV folders, or a display type named as a folder. */
export function candidatesForFolder(folder: string | undefined): string[] {
  if (!folder) return SCREENSHOT_DISPLAY_TYPES.filter((t) => !t.startsWith('IMESSAGE_') && t !== 'APP_APPLE_TV');
  const upper = folder.toUpperCase();
  if (upper === 'IMESSAGE') return SCREENSHOT_DISPLAY_TYPES.filter((t) => t.startsWith('IMESSAGE_'));
  if (upper === 'APPLETV') return ['APP_APPLE_TV'];
  return SCREENSHOT_DISPLAY_TYPES.includes(upper) ? [upper] : [];
}

export const PREVIEW_TYPES = [
  'IPHONE_67',
  'IPHONE_61',
  'IPHONE_65',
  'IPHONE_58',
  'IPHONE_55',
  'IPHONE_47',
  'IPHONE_40',
  'IPHONE_35',
  'IPAD_PRO_3GEN_129',
  'IPAD_PRO_3GEN_11',
  'IPAD_PRO_129',
  'IPAD_105',
  'IPAD_97',
  'DESKTOP',
  'APPLE_TV',
  'APPLE_VISION_PRO',
] as const;

/**
 * App preview sizes (portrait; landscape swapped). Many display types share a size, so a
 * preview outside a folder named after its preview type is placed only when its size is
 * unambiguous; otherwise the folder is required.
 */
const PREVIEW_PORTRAIT: Record<string, readonly Size[]> = {
  IPHONE_67: [[886, 1920]],
  IPHONE_65: [[886, 1920]],
  IPHONE_61: [[886, 1920]],
  IPHONE_58: [[886, 1920]],
  IPHONE_55: [[1080, 1920]],
  IPHONE_47: [[750, 1334]],
  IPHONE_40: [[1080, 1920]],
  IPAD_PRO_3GEN_129: [[1200, 1600]],
  IPAD_PRO_3GEN_11: [[1200, 1600]],
  IPAD_PRO_129: [
    [1200, 1600],
    [900, 1200],
  ],
  IPAD_105: [[1200, 1600]],
  IPAD_97: [
    [900, 1200],
    [1200, 1600],
  ],
  APPLE_VISION_PRO: [[3840, 2160]],
};

export function previewSizesOf(previewType: string): string[] {
  const portrait = PREVIEW_PORTRAIT[previewType] ?? [];
  if (previewType === 'APPLE_TV') return ['1920×1080', '3840×2160'];
  if (previewType === 'DESKTOP') return ['1920×1080'];
  return [...portrait, ...portrait.map(([w, h]) => [h, w] as Size)].map(([w, h]) => `${w}×${h}`);
}

export function previewTypesFor(
  width: number,
  height: number,
  candidates: readonly string[] = PREVIEW_TYPES,
): string[] {
  return candidates.filter((t) => previewSizesOf(t).includes(`${width}×${height}`));
}
