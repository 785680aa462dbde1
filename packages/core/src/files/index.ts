/**
 * safe-files: every file an action reads from the repository or writes, in one place.
 *
 * Reads: `readRepoText(path, { input, kind })` for text (UTF-8, BOM tolerated, UTF-16 with BOM
 * decoded; invalid UTF-8, NUL and control characters refused with file, line and column),
 * `readRepoBytes` for bounded bytes, `repoFile` to check a file you then stream (images, videos,
 * builds: read `file.path`, the real path), `repoDir` / `listRepoDir` for folders. Every path is
 * resolved to its real path, which must lie inside GITHUB_WORKSPACE (symlinks that stay inside
 * keep working); only regular files; a size cap per kind (FILE_SIZE_LIMITS: text 64 KB, data
 * 1 MB, image 50 MB, video 500 MB, build 200 GB; `maxBytes` tightens it). Writes:
 * `writeFileSafely(path, data, { input })`, or `openSafeWriter` for streamed output, `writeTarget`
 * to check a path early: inside the workspace or RUNNER_TEMP, never through a symlink, a temporary
 * file renamed into place. Every refusal is an InputError naming the input and the path, and no
 * message ever quotes a file's content.
 */
export { FILE_SIZE_LIMITS, formatBytes, type FileKind } from './limits.js';
export { describeJsonError } from './json-error.js';
export { repoFile, readRepoText, repoDir, listRepoDir, type RepoDirEntry } from './read.js';
export { writeTarget, openSafeWriter, writeFileSafely, type SafeWriter } from './write.js';
