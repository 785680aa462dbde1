/**
 * Size caps for files read from the repository, by kind. A file over its cap is refused before
 * it is read, so a committed `/dev/zero`-sized file cannot fill memory.
 */
export type FileKind = 'text' | 'data' | 'image' | 'video' | 'build';

const MB = 1_000_000;
const KB = 1024;

export const FILE_SIZE_LIMITS: Readonly<Record<FileKind, number>> = {
  /** One text field (description, release notes, What to Test): Apple's longest field is 4000 characters. */
  text: 64 * KB,
  /** Rules, testers, metadata JSON/YAML. */
  data: 1024 * KB,
  /**
   * Screenshots: Apple publishes pixel sizes but no byte limit; the largest screenshot size
   * (2868×1320, 8-bit RGBA, uncompressed PNG) is under 16 MB, so 50 MB refuses nothing Apple takes.
   */
  image: 50 * MB,
  /** App previews: "500MB" on Apple's app preview specifications page, read as decimal (the stricter reading). */
  video: 500 * MB,
  /** Builds: Apple's largest "maximum uncompressed app size" (macOS, 200 GB); iOS/tvOS/visionOS are 4 GB. */
  build: 200_000 * MB,
};

/** "64 KB", "1.0 MB", "500 MB" for messages. */
export function formatBytes(bytes: number): string {
  if (bytes < MB) return `${Math.round(bytes / KB)} KB`;
  if (bytes < 1000 * MB) return `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
  return `${(bytes / (1000 * MB)).toFixed(1)} GB`;
}
