import type { PlainOutputField } from 'zapier-platform-core';
import { contactOutput, contactOutputFields, sampleContact } from '../shapes/contact';
import type { EventMapper, HookOutput } from '../webhooks/events';
import { hookTrigger } from '../webhooks/hook-trigger';
import { isoTime, objectOrEmpty, objectOrNull, stringList, stringOrNull } from '../values';

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
export const messageOutputFields: PlainOutputField[] = [
  { key: 'text', label: 'Message Text' },
  { key: 'status', label: 'Direction (received or sent)' },
  { key: 'channel', label: 'Channel Type' },
  { key: 'from', label: 'From' },
  { key: 'to', label: 'To' },
  { key: 'attachments', label: 'Attachment URLs', list: true },
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

/** What the trigger outputs for the delivery Callbell documents. */
export const messageCreatedSample: HookOutput = {
  id: 'eb2b914a977e4ab896e7b886698b3eac-3b3914aa45920f94',
  event: 'message_created',
  created_at: '2022-10-18T12:06:29.000+02:00',
  text: 'Hello',
  status: 'received',
  channel: 'whatsapp',
  from: '335544332211',
  to: '331122334455',
  attachments: [],
  metadata: {},
  contact: sampleContact,
  messageLocation: {
    coordinates: {
      x: -23.605403621614,
      y: -46.637346962613,
    },
    googleMapsLocation:
      'https://maps.googleapis.com/maps/api/staticmap?zoom=15&size=270x200&scale=2&maptype=roadmap&markers=color:red%7C-24.605403621614,-47.637346962613&key=EXAMPLE_KEY&signature=EXAMPLE',
  },
  messageContactCard: {
    contactsInfo: [
      {
        name: 'Peter Parker',
        phones: [
          {
            phone: '3331122336699',
            wa_id: '',
            type: 'MOBILE',
          },
        ],
      },
    ],
  },
  messageReplyButton: {
    metadata: {
      type: 'quick_reply',
      content: {
        url: 'https://url.com/uploads/conversation_attachment/url/12389/file.png',
        text: 'hello text',
        header: 'header',
        caption: 'caption',
        filename: 'file.png',
        contentType: 'image',
      },
      options: [
        {
          type: 'text',
          title: 'Yes',
          postback_url: '',
          postback_text: '',
        },
        {
          type: 'text',
          title: 'No',
          postback_url: '',
          postback_text: '',
        },
        {
          type: 'text',
          title: 'Maybe',
          postback_url: '',
          postback_text: '',
        },
      ],
    },
  },
  messageInteractiveList: {
    metadata:
      '{"header":"Welcome to our restaurant","body":"Have a look at our menu","buttons":[{"title":"click here"}],"sections":[{"title":"Breakfast","subtitle":null,"items":[{"header":"Yogurt","description":null},{"header":"Pancakes","description":null}]}]}',
  },
  messageForward: null,
  messageContext: null,
};

export const messageCreated = hookTrigger({
  key: 'message_created',
  noun: 'Message',
  label: 'New Message',
  description:
    'Triggers when a message is received from a contact or sent to one in any conversation (WhatsApp, Instagram, Messenger, Telegram).',
  mappers: { message_created: mapMessageCreated },
  inputFields: [
    {
      key: 'direction',
      label: 'Direction',
      choices: DIRECTIONS,
      default: 'any',
      required: false,
      helpText:
        'Which messages start this Zap. Choose "Received From Contacts" for a chatbot or CRM reply, so the Zap does not react to its own messages.',
    },
  ],
  wants: (output, bundle) => {
    const direction = bundle.inputData.direction;
    return !direction || direction === 'any' || output.status === direction;
  },
  sample: messageCreatedSample,
  outputFields: messageOutputFields,
});
