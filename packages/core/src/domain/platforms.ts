/**
 * Apple's platforms (the spec's `Platform`). The list is typed against the generated type: when
 * Apple adds a platform, the generated types change and this stops compiling until it is added.
 */
import type { Platform } from '../api/generated/schemas.js';

const ALL: Record<Platform, string> = { IOS: 'iOS', MAC_OS: 'macOS', TV_OS: 'tvOS', VISION_OS: 'visionOS' };

export const PLATFORMS: readonly Platform[] = Object.keys(ALL) as Platform[];

export function isPlatform(text: string): text is Platform {
  return Object.hasOwn(ALL, text);
}

/** The platform's name as Apple writes it for people: `MAC_OS` → macOS. */
export function platformName(platform: Platform): string {
  return ALL[platform];
}
