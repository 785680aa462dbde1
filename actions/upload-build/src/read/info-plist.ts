/**
 * Info.plist values, from either form Xcode writes: binary (`bplist00`) or XML. Parsed by the
 * maintained `plist` library; only string values of the three keys are taken.
 */
import { parse, parseBinary } from 'plist';

export interface PlistKeys {
  bundleId?: string;
  version?: string;
  buildNumber?: string;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** Throws a plain Error with the parser's reason when the bytes are not a property list. */
export function readPlistKeys(bytes: Buffer): PlistKeys {
  const binary = bytes.subarray(0, 8).toString('latin1') === 'bplist00';
  const value: unknown = binary ? parseBinary(bytes) : parse(bytes.toString('utf8'));
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new Error('the property list is not a dictionary');
  const dict = value as Record<string, unknown>;
  return {
    bundleId: text(dict.CFBundleIdentifier),
    version: text(dict.CFBundleShortVersionString),
    buildNumber: text(dict.CFBundleVersion),
  };
}
