import { contactDeletedSample } from '../samples/contact_deleted';
import { hookTrigger } from '../webhooks/hook-trigger';

export const contactDeleted = hookTrigger({
  key: 'contact_deleted',
  noun: 'Contact',
  label: 'Deleted Contact',
  description: 'Triggers when a contact and its conversation are deleted in Callbell.',
  events: () => ['contact_deleted'],
  sample: contactDeletedSample,
  outputFields: [
    { key: 'uuid', label: 'Contact ID' },
    { key: 'deleted', label: 'Deleted At', type: 'datetime' },
  ],
});
