import { InputError, findApp, isAppId, type AscClient } from '@asc-actions/core';

export interface AppRef {
  id: string;
  name: string;
}

/** The app named by the `app` input (Apple ID or bundle id), or an InputError before any write. */
export async function resolveApp(client: AscClient, app: string): Promise<AppRef> {
  const found = await findApp(client, app);
  if (!found) {
    const what = isAppId(app) ? `no app with Apple ID ${app}` : `no app with bundle id "${app}"`;
    throw new InputError(
      `Input "app": the key sees ${what}. Check the id, and the key's access to the app (Users and Access).`,
      { input: 'app' },
    );
  }
  return { id: found.id, name: found.attributes?.name ?? found.attributes?.bundleId ?? found.id };
}
