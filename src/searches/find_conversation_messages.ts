import type { Bundle, PlainOutputField, Search, ZObject } from 'zapier-platform-core';
import { contactMessagesPage, contactUuidOf, type ConversationMessage } from '../api/contacts';
import { walkPages } from '../api/page-walk';
import { contactTargetFields, readContactTarget } from '../fields/contact-target';
import { InputError } from '../input-error';
import { asText, oneOf, outputTime, stringOrNull } from '../values';
import { EXAMPLE_IDS, type Example } from '../example';

/** A message's `status` in a conversation: `sent`, `received` or `note` (object_types/message.md). */
const DIRECTIONS = {
  any: 'Received, Sent and Notes',
  received: 'Received From the Contact',
  sent: 'Sent by Your Team, Bots or API',
  note: 'Internal Notes',
};

const DEFAULT_RESULTS = 10;
const MAX_RESULTS = 50;

/** A guard on requests when a direction is rare: Callbell documents no page size. */
const MAX_PAGES = 3;

interface MessageOutput {
  uuid: string | null;
  text: string | null;
  status: string | null;
  channel: string | null;
  from: string | null;
  to: string | null;
  createdAt: string | null;
}

type FoundMessages = MessageOutput & {
  id: string;
  contact_uuid: string;
  count: number;
  messages: MessageOutput[];
};

function messageOutput(message: ConversationMessage): MessageOutput {
  return {
    uuid: stringOrNull(message.uuid),
    text: stringOrNull(message.text),
    status: stringOrNull(message.status),
    channel: stringOrNull(message.channel),
    from: stringOrNull(message.from),
    to: stringOrNull(message.to),
    createdAt: outputTime(message.createdAt),
    // No `attachments`: object_types/message.md and get_contact_messages.md list none, and an
    // empty list would tell a Zap "no files" where Callbell says nothing.
  };
}

function readMaxResults(value: unknown): number {
  const text = asText(value)?.trim();
  if (!text) return DEFAULT_RESULTS;
  const count = Number(text);
  if (!Number.isInteger(count) || count < 1 || count > MAX_RESULTS) {
    throw new InputError('Number of Messages', `must be a whole number from 1 to ${MAX_RESULTS}.`);
  }
  return count;
}

/** Only some messages have a uuid (contacts_api/get_contact_messages.md): the rest by content. */
function messageKey(message: ConversationMessage): string {
  return JSON.stringify([message.uuid, message.createdAt, message.status, message.text]);
}

export async function performFindConversationMessages(
  z: ZObject,
  bundle: Bundle,
): Promise<FoundMessages[]> {
  const input = bundle.inputData;
  const direction = oneOf(input.direction, DIRECTIONS, 'Direction') ?? 'any';
  const wanted = readMaxResults(input.max_results);
  const target = readContactTarget(input);
  const matches = (message: ConversationMessage) =>
    direction === 'any' || message.status === direction;
  const uuid = await contactUuidOf(z, target);
  // Newest first, as Callbell sorts them ("sorted by `createdAt` in descending order").
  const { items } = await walkPages((page) => contactMessagesPage(z, uuid, page), {
    maxPages: MAX_PAGES,
    keyOf: messageKey,
    enough: (read) => read.filter(matches).length >= wanted,
  });
  const messages = items.filter(matches).slice(0, wanted).map(messageOutput);
  const [latest] = messages;
  if (!latest) return [];
  return [
    {
      id: latest.uuid ?? `${uuid}-${latest.createdAt ?? ''}`,
      contact_uuid: uuid,
      ...latest,
      count: messages.length,
      messages,
    },
  ];
}

const messageFields = (prefix: string, labelPrefix: string): PlainOutputField[] => [
  { key: `${prefix}uuid`, label: `${labelPrefix}Message ID` },
  { key: `${prefix}text`, label: `${labelPrefix}Text` },
  { key: `${prefix}status`, label: `${labelPrefix}Direction (received, sent or note)` },
  { key: `${prefix}channel`, label: `${labelPrefix}Channel Type` },
  { key: `${prefix}from`, label: `${labelPrefix}From` },
  { key: `${prefix}to`, label: `${labelPrefix}To` },
  { key: `${prefix}createdAt`, label: `${labelPrefix}Sent At`, type: 'datetime' },
];

const sampleMessage: MessageOutput = {
  uuid: 'cf839626ac7949879b88bcffd41d34fe',
  text: 'Hello there how can I help you?',
  status: 'received',
  channel: 'whatsapp',
  from: '390612345678',
  to: '393123456789',
  createdAt: '2023-12-12T10:56:36Z',
};

export const findConversationMessagesSearch = {
  key: 'find_conversation_messages',
  noun: 'Message',
  display: {
    label: 'Find Conversation Messages',
    description:
      "Finds a contact's latest messages, newest first, e.g. the customer's last message for your CRM.",
  },
  operation: {
    inputFields: [
      ...contactTargetFields,
      {
        key: 'direction',
        label: 'Direction',
        choices: DIRECTIONS,
        default: 'any',
        helpText:
          'Which messages to find: those the contact wrote, those sent to them, internal notes, or all.',
      },
      {
        key: 'max_results',
        label: 'Number of Messages',
        type: 'integer',
        default: String(DEFAULT_RESULTS),
        helpText: `How many of the latest matching messages to return as line items, up to ${MAX_RESULTS}.`,
      },
    ],
    perform: performFindConversationMessages,
    sample: {
      id: sampleMessage.uuid ?? '',
      contact_uuid: 'eb2b914a977e4ab896e7b886698b3eac',
      ...sampleMessage,
      count: 1,
      messages: [sampleMessage],
    },
    outputFields: [
      { key: 'id', label: 'ID' },
      { key: 'contact_uuid', label: 'Contact ID' },
      ...messageFields('', 'Latest: '),
      { key: 'count', label: 'Number of Messages Found', type: 'integer' },
      ...messageFields('messages[]', 'Messages: '),
    ],
  },
} satisfies Search;

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: { contact_uuid: EXAMPLE_IDS.contact, direction: 'received', max_results: 1 },
  requests: [`GET /contacts/${EXAMPLE_IDS.contact}/messages`],
};
