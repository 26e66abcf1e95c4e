import type { ContactResult } from '../contacts';
import { contactOutputFields, type OutputField } from '../outputs/contact';
import { sampleContact } from './contact';

/** What contact actions and Find Contact output: the contact, with its uuid as `id`. */
export const contactResultSample: ContactResult = {
  id: sampleContact.uuid ?? '',
  ...sampleContact,
};

export const contactResultOutputFields: OutputField[] = [
  { key: 'id', label: 'ID' },
  ...contactOutputFields(),
];
