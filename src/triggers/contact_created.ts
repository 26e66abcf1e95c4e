import { contactOutputFields } from '../outputs/contact';
import { contactCreatedSample } from '../samples/contact_created';
import { hookTrigger } from '../webhooks/hook-trigger';

export const contactCreated = hookTrigger({
  key: 'contact_created',
  noun: 'Contact',
  label: 'New Contact',
  description:
    'Triggers when a new contact is created in Callbell, for example when someone writes in for the first time.',
  events: () => ['contact_created'],
  sample: contactCreatedSample,
  outputFields: contactOutputFields(),
});
