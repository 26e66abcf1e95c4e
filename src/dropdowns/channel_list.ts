import { channelTypeName, listActiveChannels, type Channel } from '../api/channels';
import { dropdownTrigger } from './dropdown-trigger';
import type { Example } from '../example';

function channelName({ title, type, main }: Channel): string {
  const kind = channelTypeName(type) ?? type ?? 'channel';
  return `${title || kind} (${kind}${main ? ', main' : ''})`;
}

/** Active channels, the main one first. */
export const channelListDropdown = dropdownTrigger({
  key: 'channel_list',
  noun: 'Channel',
  paginated: true,
  list: async (z, page) => {
    const channels = await listActiveChannels(z, page);
    return [...channels]
      .sort((a, b) => Number(b.main === true) - Number(a.main === true))
      .map((channel) => ({ id: channel.uuid, name: channelName(channel) }));
  },
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: {},
  requests: ['GET /channels'],
};
