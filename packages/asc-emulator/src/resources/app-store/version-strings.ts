/** Version strings as App Store Connect compares them: `1.2` and `1.2.0` are the same version. */

export const VERSION_STRING = /^\d+(\.\d+){0,2}$/;

/** Numeric parts padded to three: `1.2` → [1, 2, 0]. */
export function versionParts(version: string): number[] {
  const parts = version.split('.').map(Number);
  while (parts.length < 3) parts.push(0);
  return parts;
}

export function compareVersions(a: string, b: string): number {
  const x = versionParts(a);
  const y = versionParts(b);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

/** The deprecated `appStoreState` that goes with an `appVersionState`. */
export function appStoreStateFor(appVersionState: string): string | undefined {
  const renamed: Record<string, string> = {
    READY_FOR_DISTRIBUTION: 'READY_FOR_SALE',
    PROCESSING_FOR_DISTRIBUTION: 'PROCESSING_FOR_APP_STORE',
  };
  const same = [
    'ACCEPTED',
    'DEVELOPER_REJECTED',
    'IN_REVIEW',
    'INVALID_BINARY',
    'METADATA_REJECTED',
    'PENDING_APPLE_RELEASE',
    'PENDING_DEVELOPER_RELEASE',
    'PREPARE_FOR_SUBMISSION',
    'READY_FOR_REVIEW',
    'REJECTED',
    'REPLACED_WITH_NEW_VERSION',
    'WAITING_FOR_EXPORT_COMPLIANCE',
    'WAITING_FOR_REVIEW',
  ];
  return renamed[appVersionState] ?? (same.includes(appVersionState) ? appVersionState : undefined);
}
