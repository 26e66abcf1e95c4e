import { paginate, route, type Route } from '../http';
import { seed, type SeedChannel } from '../seed';

export function channel(uuid: string): SeedChannel | undefined {
  return seed.channels.find((candidate) => candidate.uuid === uuid);
}

/** The channel a contact gets when none is given (docs/api/reference/contacts_api/post_contacts.md). */
export function mainChannelUuid(): string {
  return seed.channels.find((candidate) => candidate.main)?.uuid ?? '';
}

/** The main channel's own number: the sender of what the account sends. */
export function mainChannelPhone(): string {
  return '31201234567';
}

export const channelRoutes: Route[] = [
  // docs/api/reference/channels_api/get_channels.md: paginated, `active` filters on discarded.
  route('GET', '/channels', ({ query }) => {
    const active = query.get('active');
    const channels = seed.channels.filter(
      (candidate) => active === null || (active === 'true') === (candidate.discardedAt === null),
    );
    const { items, meta } = paginate(channels, query);
    return { channels: items, meta };
  }),
];
