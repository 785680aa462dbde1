/**
 * Where each credential comes from. Teams moving from fastlane or the asc CLI keep their
 * secrets under those tools' names, so after the action's input and this project's ASC_* env
 * names come, in this order:
 *   fastlane's app_store_connect_api_key action — APP_STORE_CONNECT_API_KEY_KEY_ID, _ISSUER_ID,
 *     _KEY (the .p8 text, literal "\n" allowed; base64 when _IS_KEY_CONTENT_BASE64 is true),
 *     _KEY_FILEPATH (a path, `~` expanded as fastlane's File.expand_path does);
 *   the asc CLI — ASC_PRIVATE_KEY_PATH, ASC_PRIVATE_KEY_B64 (ASC_KEY_ID, ASC_ISSUER_ID and
 *     ASC_PRIVATE_KEY are names it shares with this project).
 * The log names the source used, never the value.
 */
export type KeyForm = 'text' | 'path' | 'base64';

export interface Source {
  /** `input key-id`, `env ASC_KEY_ID` … as the log and errors name it. */
  name: string;
  value: string;
}

export interface KeySource extends Source {
  form: KeyForm;
}

interface Candidate {
  name: string;
  form?: KeyForm;
}

const FASTLANE = 'APP_STORE_CONNECT_API_KEY';

export const KEY_ID_SOURCES: readonly string[] = ['ASC_KEY_ID', `${FASTLANE}_KEY_ID`];
export const ISSUER_ID_SOURCES: readonly string[] = ['ASC_ISSUER_ID', `${FASTLANE}_ISSUER_ID`];
const KEY_SOURCES: readonly Candidate[] = [
  { name: 'ASC_PRIVATE_KEY', form: 'text' },
  { name: `${FASTLANE}_KEY`, form: 'text' },
  { name: `${FASTLANE}_KEY_FILEPATH`, form: 'path' },
  { name: 'ASC_PRIVATE_KEY_PATH', form: 'path' },
  { name: 'ASC_PRIVATE_KEY_B64', form: 'base64' },
];

/** The names looked at for the key, in order, for the "no key found" message. */
export const KEY_SOURCE_NAMES: readonly string[] = KEY_SOURCES.map((c) => `env ${c.name}`);

/** The first non-empty of the input and then the env names; undefined when all are empty. */
export function firstSource(
  input: { name: string; value: string | undefined },
  envNames: readonly string[],
  env: NodeJS.ProcessEnv,
): Source | undefined {
  if (input.value !== undefined && input.value.trim() !== '')
    return { name: `input ${input.name}`, value: input.value.trim() };
  for (const name of envNames) {
    const value = env[name]?.trim();
    if (value) return { name: `env ${name}`, value };
  }
  return undefined;
}

/** The key: the input first (text or a path, as before), then the env names above. */
export function keySource(input: string | undefined, env: NodeJS.ProcessEnv): KeySource | undefined {
  if (input !== undefined && input.trim() !== '')
    return { name: 'input private-key', value: input.trim(), form: 'text' };
  for (const candidate of KEY_SOURCES) {
    const value = env[candidate.name]?.trim();
    if (!value) continue;
    const base64 =
      candidate.name === `${FASTLANE}_KEY` &&
      /^(true|yes|1)$/i.test(env[`${FASTLANE}_IS_KEY_CONTENT_BASE64`]?.trim() ?? '');
    return { name: `env ${candidate.name}`, value, form: base64 ? 'base64' : candidate.form! };
  }
  return undefined;
}

/** Notes on fastlane settings that have no meaning here (never an error: the same secrets serve both). */
export function fastlaneNotes(env: NodeJS.ProcessEnv): string[] {
  const notes: string[] = [];
  if (env[`${FASTLANE}_DURATION`]?.trim()) {
    notes.push(
      `${FASTLANE}_DURATION is not needed here: tokens are valid 20 minutes and re-signed before they expire.`,
    );
  }
  if (/^(true|yes|1)$/i.test(env[`${FASTLANE}_IN_HOUSE`]?.trim() ?? '')) {
    notes.push(
      `${FASTLANE}_IN_HOUSE is true, which in fastlane means an Apple Developer Enterprise key; these actions use the App Store Connect API (audience appstoreconnect-v1), which enterprise keys cannot use.`,
    );
  }
  return notes;
}
