import type { ZObject } from 'zapier-platform-core';
import { accountCache } from './account-cache';
import { fetchPage, listPage } from './pages';

/** The kinds of channel Callbell sends on (`from` on sends, `source` on contacts). */
export const CHANNEL_TYPES = {
  whatsapp: 'WhatsApp',
  instagram: 'Instagram',
  facebook: 'Facebook Messenger',
  telegram: 'Telegram',
};

export type ChannelType = keyof typeof CHANNEL_TYPES;

function isChannelType(type: string): type is ChannelType {
  return Object.hasOwn(CHANNEL_TYPES, type);
}

/** The name of a channel type, for the types this app knows (own keys only). */
export function channelTypeName(type: string | undefined): string | undefined {
  return type !== undefined && isChannelType(type) ? CHANNEL_TYPES[type] : undefined;
}

export interface Channel {
  uuid: string;
  title?: string;
  type?: string;
  main?: boolean;
  discardedAt?: unknown;
}

const READ_CHANNELS = { action: 'read channels', thing: 'channel' };

/** One page of the account's active channels. */
export function listActiveChannels(z: ZObject, page: number): Promise<Channel[]> {
  return listPage<Channel>(z, {
    path: '/channels',
    key: 'channels',
    page,
    params: { active: true },
    about: READ_CHANNELS,
  });
}

/** The channel a send goes out on, and how to drop it from the cache if the send fails. */
export interface SendingChannel {
  uuid: string;
  /** Forgets a cached channel, so the next send looks it up again (it may be gone). */
  forget: () => Promise<void>;
}

/** An account's main channel rarely changes; an hour bounds how long a stale one is used. */
const MAIN_CHANNEL_TTL_SECONDS = 3600;

/** A guard against a channel list that never ends; accounts have a handful of channels. */
const MAX_CHANNEL_PAGES = 5;

/**
 * The channel to send from. `channel_uuid` is required on POST /messages/send
 * (docs/api/reference/messages_api/post_send_messages.md, Required Parameters, since
 * October 2024; it used to default to the main channel). When the Zap names none, the account's
 * main active channel of the type is looked up once (GET /channels) and kept in z.cache, so
 * later sends are one request again.
 */
export async function sendingChannel(
  z: ZObject,
  apiKey: string,
  type: ChannelType,
  chosen: string | undefined,
): Promise<SendingChannel> {
  if (chosen) return { uuid: chosen, forget: async () => undefined };
  const cache = accountCache(z, apiKey, `main-channel:${type}`, MAIN_CHANNEL_TTL_SECONDS);
  const cached = await cache.get();
  if (typeof cached === 'string' && cached) return { uuid: cached, forget: cache.forget };
  const uuid = await findMainChannel(z, type);
  await cache.set(uuid);
  return { uuid, forget: cache.forget };
}

/**
 * GET /channels?type=…&active=true (docs/api/reference/channels_api/get_channels.md). The
 * filters are checked again here: the docs type `discardedAt` as a String but show booleans,
 * so any value but false, null or none counts as discarded (docs/api/reference/object_types/channel.md).
 */
async function findMainChannel(z: ZObject, type: ChannelType): Promise<string> {
  const candidates: Channel[] = [];
  let pages = 1;
  for (let page = 1; page <= Math.min(pages, MAX_CHANNEL_PAGES); page += 1) {
    const batch = await fetchPage<Channel>(z, {
      path: '/channels',
      key: 'channels',
      page,
      params: { type, active: true },
      about: READ_CHANNELS,
    });
    candidates.push(...batch.items.filter((channel) => isActiveOfType(channel, type)));
    const main = candidates.find((channel) => channel.main === true);
    if (main) return main.uuid;
    pages = batch.pages;
  }
  const [only, ...others] = candidates;
  if (only && others.length === 0) return only.uuid;
  throw noMainChannel(z, type, candidates.length);
}

function isActiveOfType(channel: Channel, type: ChannelType): boolean {
  return (
    typeof channel.uuid === 'string' &&
    channel.uuid !== '' &&
    (channel.type === undefined || channel.type === type) &&
    !channel.discardedAt
  );
}

function noMainChannel(z: ZObject, type: ChannelType, count: number): Error {
  const name = CHANNEL_TYPES[type];
  const message =
    count === 0
      ? `Connect an active ${name} channel in Callbell, or choose another Channel Type: this Callbell account has none, so nothing was sent.`
      : `Choose the Channel to send from in this step: this Callbell account has ${count} active ${name} channels and none is the main one, so nothing was sent.`;
  return new z.errors.Error(message, 'NoMainChannel', 400);
}
