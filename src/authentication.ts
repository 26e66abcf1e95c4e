import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { callbell } from './client/request';

export interface AuthMe {
  status: string;
  user_email: string;
  user_name: string;
}

/** Checks the key with Callbell's "who am I" call; the answer also names the connection. */
export async function testAuth(z: ZObject, _bundle: Bundle): Promise<AuthMe> {
  const me = await callbell<AuthMe & { api_key?: string }>(z, {
    path: '/auth/me',
    about: { action: 'read the account', thing: 'account' },
  });
  // Callbell echoes the key back; keep it out of the connection's stored test result.
  return { status: me.status, user_email: me.user_email, user_name: me.user_name };
}

export const authentication: Authentication = {
  type: 'custom',
  fields: [
    {
      key: 'api_key',
      label: 'API Key',
      type: 'password',
      required: true,
      helpText:
        'Create a key in Callbell under [Settings → API settings](https://dash.callbell.eu/settings/api_settings/keys) and paste it here. Callbell shows a key only once, when it is created: copy it then.',
    },
  ],
  test: testAuth,
  connectionLabel: '{{user_name}} ({{user_email}})',
};
