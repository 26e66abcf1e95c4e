import type { ZObject } from 'zapier-platform-core';
import { keyDigest } from '../api/account-cache';
import { listActiveChannels } from '../api/channels';

/**
 * A name for "one Callbell account" that outlives its API keys, for the registry's cache key.
 * Callbell's answers hold no account id. `GET /auth/me` (auth_api/me.md) names the key's user
 * (`user_email`, `user_name`) and echoes `api_key`: the key changes on rotation, and one
 * person can be a user of several accounts, whose Zaps must never share a registry. A
 * channel's `uuid` is "the unique identifier of the channel" and channels belong to one
 * account (channels_api/get_channels.md: "List all channels belonging to the account"); the
 * main channel (`main: true`, object_types/channel.md) is the one that stays. Without one
 * (an account with no active main channel) the key's digest is used: rotating that key then
 * starts a new registry, which the turn-on treats as doubt, never as "no Zap".
 */
export async function accountIdentity(z: ZObject, apiKey: string): Promise<string> {
  const channels = await listActiveChannels(z, 1);
  const main = channels.find((channel) => channel.main === true && !channel.discardedAt);
  if (main && typeof main.uuid === 'string' && main.uuid)
    return `channel-${z.hash('sha256', main.uuid).slice(0, 40)}`;
  return `key-${keyDigest(z, apiKey)}`;
}
