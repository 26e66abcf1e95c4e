import { CHANNEL_TYPES, type ChannelType } from '../fields/recipient';
import { dropdownTrigger, listPage } from './dropdown';

interface Channel {
  uuid: string;
  title?: string;
  type?: string;
  main?: boolean;
}

function channelName({ title, type, main }: Channel): string {
  const kind = CHANNEL_TYPES[type as ChannelType] ?? type ?? 'channel';
  return `${title || kind} (${kind}${main ? ', main' : ''})`;
}

/** Active channels, the main one first. */
export const channelList = dropdownTrigger({
  key: 'channel_list',
  noun: 'Channel',
  paginated: true,
  list: async (z, page) => {
    const channels = await listPage<Channel>(z, '/channels', 'channels', page, { active: true });
    return [...channels]
      .sort((a, b) => Number(b.main === true) - Number(a.main === true))
      .map((channel) => ({ id: channel.uuid, name: channelName(channel) }));
  },
});
