/** The app's Apple ID: digits are used as given (no request); a bundle id is looked up once. */
import { findApp, InputError, isAppId, type AscClient } from '@asc-actions/core';

export async function resolveAppId(client: AscClient, app: string): Promise<string> {
  if (isAppId(app)) return app;
  const found = await findApp(client, app);
  if (!found)
    throw new InputError(`Input "app": this key sees no app with bundle id ${JSON.stringify(app)}.`, { input: 'app' });
  return found.id;
}
