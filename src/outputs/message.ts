import { contactOutputFields, type OutputField } from './contact';

/** Output fields of both send actions. */
export const sentMessageOutputFields: OutputField[] = [
  { key: 'id', label: 'ID' },
  { key: 'uuid', label: 'Message ID' },
  { key: 'status', label: 'Status' },
  { key: 'conversationHref', label: 'Conversation Link' },
  { key: 'conversation__href', label: 'Conversation URL' },
  ...contactOutputFields('contact__', 'Contact: '),
];
