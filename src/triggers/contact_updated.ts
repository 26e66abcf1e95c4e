import { contactOutputFields } from '../outputs/contact';
import { contactUpdatedSample } from '../samples/contact_updated';
import { hookTrigger } from '../webhooks/hook-trigger';

export const contactUpdated = hookTrigger({
  key: 'contact_updated',
  noun: 'Contact',
  label: 'Updated Contact',
  description:
    'Triggers when a contact is changed in Callbell, including when tags are added or removed.',
  events: () => ['contact_updated'],
  sample: contactUpdatedSample,
  outputFields: contactOutputFields(),
});
