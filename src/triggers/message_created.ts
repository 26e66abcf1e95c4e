import type { Bundle, PlainOutputField } from 'zapier-platform-core';
import { isSentByZap, SENT_BY_ZAP } from '../fields/metadata';
import { contactOutput, contactOutputFields, sampleContact } from '../shapes/contact';
import type { EventMapper, HookOutput } from '../webhooks/events';
import { offeringAttachmentFiles } from '../hydrators/attachment_file';
import { hookTrigger } from '../webhooks/hook-trigger';
import { isoTime, isYes, objectOrEmpty, objectOrNull, stringList, stringOrNull } from '../values';
import type { HookExample } from '../example';

const DIRECTIONS = {
  any: 'Received and Sent',
  received: 'Received From Contacts',
  sent: 'Sent by Your Team, Bots or API',
};

export const mapMessageCreated: EventMapper = (payload) => ({
  created_at: isoTime(payload.createdAt),
  text: stringOrNull(payload.text),
  status: stringOrNull(payload.status),
  channel: stringOrNull(payload.channel),
  from: stringOrNull(payload.from),
  to: stringOrNull(payload.to),
  attachments: stringList(payload.attachments),
  metadata: objectOrEmpty(payload.metadata),
  contact: contactOutput(payload.contact),
  messageLocation: objectOrNull(payload.messageLocation),
  messageContactCard: objectOrNull(payload.messageContactCard),
  messageReplyButton: objectOrNull(payload.messageReplyButton),
  messageInteractiveList: objectOrNull(payload.messageInteractiveList),
  messageForward: objectOrNull(payload.messageForward),
  // Callbell's documented key is misspelt "mesageContext"; accept both.
  messageContext: objectOrNull(payload.messageContext ?? payload.mesageContext),
});

/** Output fields of a new message (also labels New Event, whose sample is a message). */
const messageOutputFields: PlainOutputField[] = [
  { key: 'text', label: 'Message Text' },
  { key: 'status', label: 'Direction (received or sent)' },
  { key: 'channel', label: 'Channel Type' },
  { key: 'from', label: 'From' },
  { key: 'to', label: 'To' },
  { key: 'attachments', label: 'Attachment URLs', list: true },
  { key: 'attachment_files', label: 'Attachment Files', type: 'file', list: true },
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

/**
 * What the trigger outputs for one plain text message (Callbell's documented delivery without
 * the location, contact card, reply buttons and list it shows all at once): a sample is one
 * real record (Zapier's build guidelines, "Samples").
 */
export const messageCreatedSample: HookOutput = {
  id: 'eb2b914a977e4ab896e7b886698b3eac-bb345ad53b38fbc4',
  event: 'message_created',
  created_at: '2022-10-18T12:06:29.000+02:00',
  text: 'Hello',
  status: 'received',
  channel: 'whatsapp',
  from: '33187654321',
  to: '33612345678',
  attachments: [],
  metadata: {},
  contact: sampleContact,
  attachment_files: [],
  messageLocation: null,
  messageContactCard: null,
  messageReplyButton: null,
  messageInteractiveList: null,
  messageForward: null,
  messageContext: null,
};

/**
 * Received messages only, unless the Zap asks for sent ones; and never a message this
 * integration sent, unless the Zap asks for those too: "New Message → Send Message" would
 * otherwise start again on its own reply, forever.
 */
function wantsMessage(output: HookOutput, bundle: Bundle): boolean {
  const direction = stringOrNull(bundle.inputData.direction) ?? 'received';
  if (direction !== 'any' && output.status !== direction) return false;
  return !isSentByZap(output.metadata) || isYes(bundle.inputData.include_zap_messages);
}

export const messageCreatedTrigger = offeringAttachmentFiles(
  hookTrigger({
    key: 'message_created',
    noun: 'Message',
    label: 'New Message',
    description: 'Triggers when a message is received from or sent to a contact.',
    mappers: { message_created: mapMessageCreated },
    inputFields: [
      {
        key: 'direction',
        label: 'Direction',
        choices: DIRECTIONS,
        default: 'received',
        helpText:
          'Which messages start this Zap. The default, "Received From Contacts", is what a chatbot or CRM reply needs: the Zap never reacts to a reply it sent.',
      },
      {
        key: 'include_zap_messages',
        label: 'Include Messages Sent by Zaps',
        type: 'boolean',
        default: 'false',
        helpText: `With "Sent" or "Received and Sent", messages sent by this integration's actions (marked \`${SENT_BY_ZAP.key}\` in their metadata) still do not start this Zap unless you choose Yes, so a Zap cannot start itself again with its own reply.`,
      },
    ],
    wants: wantsMessage,
    sample: messageCreatedSample,
    outputFields: messageOutputFields,
  }),
);

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: HookExample = { input: {}, event: 'message_created' };
