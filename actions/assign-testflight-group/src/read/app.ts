/** The app named by the `app` input (bundle ID or Apple ID), or an input error naming it. */
import { InputError, findApp, type AscClient } from '@asc-actions/core';
import type { AppInfo } from './state.js';

export async function requireApp(client: AscClient, ref: string): Promise<AppInfo> {
  const found = await findApp(client, ref);
  if (!found)
    throw new InputError(
      `Input "app": no app with ${/^\d+$/.test(ref) ? 'Apple ID' : 'bundle ID'} ${JSON.stringify(ref)} is visible to this key.`,
      { input: 'app' },
    );
  const a = found.attributes ?? {};
  return {
    id: found.id,
    name: a.name ?? found.id,
    bundleId: a.bundleId ?? '',
    primaryLocale: a.primaryLocale ?? 'en-US',
  };
}
