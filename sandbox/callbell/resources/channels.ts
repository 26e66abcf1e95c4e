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

/** An active channel of the account: what POST /messages/send may send from. */
export function isActiveChannel(uuid: unknown): boolean {
  return seed.channels.some((candidate) => candidate.uuid === uuid && !candidate.discardedAt);
}

export const channelRoutes: Route[] = [
  // docs/api/reference/channels_api/get_channels.md: paginated; `type` filters by channel
  // type, `active` by whether the channel is discarded.
  route('GET', '/channels', ({ query }) => {
    const active = query.get('active');
    const type = query.get('type');
    const channels = seed.channels
      .filter((candidate) => !type || candidate.type === type)
      .filter(
        (candidate) => active === null || (active === 'true') === (candidate.discardedAt === null),
      );
    const { items, meta } = paginate(channels, query);
    return { channels: items, meta };
  }),
];
