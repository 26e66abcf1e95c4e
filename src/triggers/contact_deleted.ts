import type { EventMapper } from '../webhooks/events';
import { hookTrigger } from '../webhooks/hook-trigger';
import { isoTime, stringOrNull } from '../values';
import type { HookExample } from '../example';

export const mapContactDeleted: EventMapper = (payload) => ({
  created_at: isoTime(payload.deleted),
  uuid: stringOrNull(payload.uuid),
  deleted: stringOrNull(payload.deleted),
});

export const contactDeletedTrigger = hookTrigger({
  key: 'contact_deleted',
  noun: 'Contact',
  label: 'Deleted Contact',
  description: 'Triggers when a contact and its conversation are deleted.',
  mappers: { contact_deleted: mapContactDeleted },
  sample: {
    id: 'fad77e68757b43c3b77b51cd66ec18f3-72bd5dc49dc2e809',
    event: 'contact_deleted',
    created_at: '2022-10-17T15:15:06.095Z',
    uuid: 'fad77e68757b43c3b77b51cd66ec18f3',
    deleted: '2022-10-17T15:15:06.095Z',
  },
  outputFields: [
    { key: 'uuid', label: 'Contact ID' },
    { key: 'deleted', label: 'Deleted At', type: 'datetime' },
  ],
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: HookExample = { input: {}, event: 'contact_deleted' };
