import type { ZObject } from 'zapier-platform-core';
import { listPage } from './pages';

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
}

/** One page of the account's active channels. */
export function listActiveChannels(z: ZObject, page: number): Promise<Channel[]> {
  return listPage<Channel>(z, {
    path: '/channels',
    key: 'channels',
    page,
    params: { active: true },
    about: { action: 'read channels', thing: 'channel' },
  });
}
