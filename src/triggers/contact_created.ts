import { contactOutput, contactOutputFields, sampleContact } from '../shapes/contact';
import type { EventMapper } from '../webhooks/events';
import { hookTrigger } from '../webhooks/hook-trigger';
import { isoTime } from '../values';

export const mapContactCreated: EventMapper = (payload) => ({
  created_at: isoTime(payload.createdAt),
  ...contactOutput(payload),
});

export const contactCreated = hookTrigger({
  key: 'contact_created',
  noun: 'Contact',
  label: 'New Contact',
  description:
    'Triggers when a new contact is created in Callbell, for example when someone writes in for the first time.',
  mappers: { contact_created: mapContactCreated },
  sample: {
    id: 'eb2b914a977e4ab896e7b886698b3eac-3121e604f1116c74',
    event: 'contact_created',
    created_at: '2022-10-12T15:57:16Z',
    ...sampleContact,
  },
  outputFields: contactOutputFields(),
});
