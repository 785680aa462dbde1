/** The app the inputs name (Apple ID or exact bundle id). */
import { InputError, findApp, type AscClient } from '@asc-actions/core';
import type { AppInfo } from '../model.js';

export async function readApp(client: AscClient, app: string): Promise<AppInfo> {
  const found = await findApp(client, app);
  if (!found)
    throw new InputError(
      `Input "app": no app "${app}" is visible to this API key (give its Apple ID or its exact bundle id).`,
      { input: 'app' },
    );
  const a = found.attributes ?? {};
  return {
    id: found.id,
    name: a.name ?? found.id,
    primaryLocale: a.primaryLocale,
    contentRights: a.contentRightsDeclaration ?? undefined,
  };
}
