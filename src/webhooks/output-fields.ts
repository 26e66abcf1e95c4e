import { contactOutputFields, type OutputField } from '../outputs/contact';

/** Output fields of a new message (also labels New Event, whose sample is a message). */
export const messageOutputFields: OutputField[] = [
  { key: 'text', label: 'Message Text' },
  { key: 'status', label: 'Direction (received or sent)' },
  { key: 'channel', label: 'Channel Type' },
  { key: 'from', label: 'From' },
  { key: 'to', label: 'To' },
  { key: 'attachments', label: 'Attachment URLs', list: true },
  { key: 'createdAt', label: 'Sent At', type: 'datetime' },
  { key: 'metadata', label: 'Metadata' },
  { key: 'messageLocation__coordinates__x', label: 'Shared Location Latitude', type: 'number' },
  { key: 'messageLocation__coordinates__y', label: 'Shared Location Longitude', type: 'number' },
  { key: 'messageLocation__googleMapsLocation', label: 'Shared Location Map' },
  { key: 'messageContactCard__contactsInfo[]name', label: 'Shared Contact Names' },
  { key: 'messageReplyButton__metadata__options[]title', label: 'Reply Button Options' },
  { key: 'messageInteractiveList__metadata', label: 'Interactive List (JSON)' },
  { key: 'messageForward', label: 'Forwarded Message' },
  { key: 'messageContext', label: 'Replied-To Message' },
  ...contactOutputFields('contact__', 'Contact: '),
];

/** Output fields shared by the conversation triggers. */
export const conversationOutputFields: OutputField[] = [
  { key: 'source', label: 'Channel Type' },
  { key: 'href', label: 'Conversation Link' },
  { key: 'createdAt', label: 'Conversation Started At', type: 'datetime' },
  { key: 'closedAt', label: 'Closed At', type: 'datetime' },
  { key: 'closingReason', label: 'Closing Reason' },
  ...contactOutputFields('contact__', 'Contact: '),
];

/** Output fields for a team member, at the top level or under `user__`. */
export function agentOutputFields(prefix: string): OutputField[] {
  return [
    { key: `${prefix}email`, label: 'Agent Email' },
    { key: `${prefix}name`, label: 'Agent Name' },
    { key: `${prefix}available`, label: 'Agent Available', type: 'boolean' },
    { key: `${prefix}lastUpdatedAt`, label: 'Agent Status Updated At', type: 'datetime' },
  ];
}
