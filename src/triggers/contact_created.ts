import { contactOutput, contactOutputFields, sampleContact } from '../shapes/contact';
import type { EventMapper } from '../webhooks/events';
import { hookTrigger } from '../webhooks/hook-trigger';
import type { HookExample } from '../example';

/** The event time is the contact's own `createdAt`: it is not repeated as `created_at`. */
export const mapContactCreated: EventMapper = (payload) => contactOutput(payload);

export const contactCreatedTrigger = hookTrigger({
  key: 'contact_created',
  noun: 'Contact',
  label: 'New Contact',
  description: 'Triggers when a new contact is created, e.g. on their first message.',
  mappers: { contact_created: mapContactCreated },
  sample: {
    id: 'eb2b914a977e4ab896e7b886698b3eac-bd985e631b262fbe',
    event: 'contact_created',
    ...sampleContact,
  },
  outputFields: contactOutputFields(),
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: HookExample = { input: {}, event: 'contact_created' };
