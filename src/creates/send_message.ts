import type { Bundle, Create, PlainInputField, ZObject } from 'zapier-platform-core';
import { assignmentFields, readAssignment } from '../fields/assignment';
import { mediaUrlField, readMediaUrl } from '../fields/media';
import { metadataField, readSentMetadata } from '../fields/metadata';
import { channelTypeField, readRecipient, recipientFields } from '../fields/recipient';
import { definedEntries, oneOf, optionalText } from '../values';
import { apiKeyOf } from '../api/account-cache';
import { InputError } from '../input-error';
import { sendMessage } from '../api/messages';
import { CHANNEL_TYPES } from '../api/channels';
import {
  sentMessageOutputFields,
  sentMessageSample,
  type SentMessage,
} from '../shapes/sent-message';
import { EXAMPLE_IDS, type Example } from '../example';

/**
 * The choice keys are a contract with live Zaps (audio and video stay); what is sent for each
 * follows Callbell's snippets, so the labels say it.
 */
const MESSAGE_TYPES = {
  text: 'Text',
  image: 'Image',
  document: 'Document',
  audio: 'Audio (sent as a document; WhatsApp Business API only)',
  video: 'Video (sent as a document; WhatsApp Business API only)',
};

type MessageType = keyof typeof MESSAGE_TYPES;

/**
 * The `type` Callbell is sent. The snippets `_post_messages_audio.mdx` and
 * `_post_messages_video.mdx` (all nine languages) send audio and video as `"type": "document"`
 * with the file's URL; `audio` appears nowhere in the docs (post_send_messages.md).
 */
const SENT_TYPE: Record<MessageType, string> = {
  text: 'text',
  image: 'image',
  document: 'document',
  audio: 'document',
  video: 'document',
};

/**
 * `content` for POST /messages/send: `{text}`, or `{url}`, with a caption in `text` for images
 * only: "Is it also possible to add a _caption_ when sending `image` attachments"
 * (post_send_messages.md). The Caption field shows for images only; a text left over from
 * another Message Type is not sent, and the step's log says so.
 */
function messageContent(z: ZObject, type: MessageType, input: Record<string, unknown>) {
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
  if (type === 'image') return definedEntries({ url, text });
  if (text)
    z.console.log(`Callbell takes a caption with images only: the ${type} went without it.`);
  return { url };
}

const textField: PlainInputField = {
  key: 'text',
  label: 'Text',
  type: 'text',
  required: true,
};

const captionField: PlainInputField = {
  key: 'text',
  label: 'Caption',
  type: 'text',
  helpText: 'Text shown under the image.',
};

/**
 * Text for a text message, the file (and, for an image, a caption) otherwise: the step shows
 * only what the chosen Message Type uses. The keys stay `text` and `media_url` in every case.
 */
export function messageFields(_z: ZObject, bundle: Bundle): PlainInputField[] {
  const type = optionalText(bundle.inputData.type) ?? 'text';
  if (type === 'text') return [textField];
  const media = mediaUrlField(
    `The ${type} to send: a file from an earlier step, or a public link.`,
  );
  return type === 'image' ? [media, captionField] : [media];
}

export async function performSendMessage(z: ZObject, bundle: Bundle): Promise<SentMessage> {
  const input = bundle.inputData;
  const type = oneOf(input.type, MESSAGE_TYPES, 'Message Type') ?? 'text';
  const { from, ...recipient } = readRecipient(input);
  const body = definedEntries({
    ...recipient,
    type: SENT_TYPE[type],
    content: messageContent(z, type, input),
    ...readAssignment(input),
    metadata: readSentMetadata(input.metadata),
  });
  return sendMessage(z, apiKeyOf(bundle), { from, ...body });
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
      channelTypeField(CHANNEL_TYPES),
      {
        key: 'type',
        label: 'Message Type',
        choices: MESSAGE_TYPES,
        default: 'text',
        required: true,
        altersDynamicFields: true,
        helpText:
          "Text, or a file sent from Media URL. WhatsApp allows free messages only within 24 hours of the contact's last message: after that use **Send Template Message**. See [Callbell's send message reference](https://docs.callbell.eu/api/reference/messages_api/post_send_messages).",
      },
      ...recipientFields,
      messageFields,
      ...assignmentFields,
      metadataField,
    ],
    perform: performSendMessage,
    sample: sentMessageSample,
    outputFields: sentMessageOutputFields,
  },
} satisfies Create;

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: {
    channel_uuid: EXAMPLE_IDS.channel,
    to: EXAMPLE_IDS.phone,
    text: 'Hi Ana, your order has shipped.',
  },
  requests: ['POST /messages/send'],
};
