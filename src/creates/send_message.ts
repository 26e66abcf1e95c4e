import type { Bundle, Create, ZObject } from 'zapier-platform-core';
import { assignmentFields, readAssignment } from '../fields/assignment';
import { readMediaUrl } from '../fields/media';
import { metadataField, readMetadata } from '../fields/metadata';
import { readRecipient, recipientFields } from '../fields/recipient';
import { definedEntries, oneOf, optionalText } from '../values';
import { InputError } from '../input-error';
import { sendMessage } from '../api/messages';
import {
  sentMessageOutputFields,
  sentMessageSample,
  type SentMessage,
} from '../shapes/sent-message';

const MESSAGE_TYPES = {
  text: 'Text',
  image: 'Image',
  document: 'Document',
  audio: 'Audio (WhatsApp Business API Only)',
  video: 'Video (WhatsApp Business API Only)',
};

type MessageType = keyof typeof MESSAGE_TYPES;

/** `content` for POST /messages/send: text, or a media URL with an optional image caption. */
function messageContent(type: MessageType, input: Record<string, unknown>) {
  const text = optionalText(input.text);
  if (type === 'text') {
    if (!text) throw new InputError('Text', 'the message text is required for a text message.');
    return { text };
  }
  const url = readMediaUrl(input.media_url, 'Media URL');
  if (!url)
    throw new InputError(
      'Media URL',
      `a link to the file is required for a message of type ${type}.`,
    );
  if (text && type !== 'image') {
    throw new InputError(
      'Text',
      `Callbell shows a caption only with images; leave Text empty for a ${type}.`,
    );
  }
  return definedEntries({ url, text });
}

export async function performSendMessage(z: ZObject, bundle: Bundle): Promise<SentMessage> {
  const input = bundle.inputData;
  const type = oneOf(input.type, MESSAGE_TYPES, 'Message Type') ?? 'text';
  const body = definedEntries({
    ...readRecipient(input),
    type,
    content: messageContent(type, input),
    ...readAssignment(input),
    metadata: readMetadata(input.metadata),
  });
  return sendMessage(z, body);
}

export const sendMessageCreate = {
  key: 'send_message',
  noun: 'Message',
  display: {
    label: 'Send Message',
    description:
      'Sends a text, image, document, audio or video message to a contact on WhatsApp, Instagram, Messenger or Telegram.',
  },
  operation: {
    inputFields: [
      ...recipientFields,
      {
        key: 'type',
        label: 'Message Type',
        choices: MESSAGE_TYPES,
        default: 'text',
        required: true,
        helpText:
          "Text, or a file sent from Media URL. WhatsApp allows free messages only within 24 hours of the contact's last message: after that use **Send Template Message**. See [Callbell's send message reference](https://docs.callbell.eu/api/reference/messages_api/post_send_messages).",
      },
      {
        key: 'text',
        label: 'Text',
        type: 'text',
        required: false,
        helpText: 'The message for a text message, or the caption of an image.',
      },
      {
        key: 'media_url',
        label: 'Media URL',
        required: false,
        helpText: 'A public https:// link to the image, document, audio or video to send.',
      },
      ...assignmentFields,
      metadataField,
    ],
    perform: performSendMessage,
    sample: sentMessageSample,
    outputFields: sentMessageOutputFields,
  },
} satisfies Create;
