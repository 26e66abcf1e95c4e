import type { PlainOutputField } from 'zapier-platform-core';
import type { Contact } from '../api/contacts';
import { single, unwrapOne } from '../client/unwrap';
import { isObject, objectOrEmpty, stringList, stringOrNull, type JsonObject } from '../values';

/**
 * A contact as every trigger, action and search hands it to the Zap: Callbell's own fields,
 * plus `phoneNumberE164` ("+31612345678") because CRMs and forms expect the "+" that Callbell's
 * digits lack. Missing fields are null, so the Zap editor always offers the same keys.
 */
export interface ContactOutput extends JsonObject {
  uuid: string | null;
  name: string | null;
  phoneNumber: string | null;
  phoneNumberE164: string | null;
  source: string | null;
  tags: string[];
  href: string | null;
  conversationHref: string | null;
  avatarUrl: string | null;
  createdAt: string | null;
  closedAt: string | null;
  blockedAt: string | null;
  assignedUser: string | null;
  funnelId: string | null;
  bsuid: string | null;
  note: string | null;
  customFields: JsonObject;
  team: JsonObject | null;
  channel: JsonObject | null;
}

const STRING_FIELDS = [
  'uuid',
  'name',
  'phoneNumber',
  'source',
  'href',
  'conversationHref',
  'avatarUrl',
  'createdAt',
  'closedAt',
  'blockedAt',
  'assignedUser',
  'funnelId',
  'bsuid',
  'note',
] as const;

/**
 * Callbell sends a contact as an object or as a one-element list (in answers and, by the same
 * serializer, possibly in webhook bodies): both read the same.
 */
export function contactOutput(contact: Contact | JsonObject | unknown): ContactOutput {
  const source = objectOrEmpty(Array.isArray(contact) ? single(contact) : contact);
  const strings = Object.fromEntries(
    STRING_FIELDS.map((key) => [key, stringOrNull(source[key])]),
  ) as Record<(typeof STRING_FIELDS)[number], string | null>;
  const { uuid, name, phoneNumber, ...others } = strings;
  return {
    uuid,
    name,
    phoneNumber,
    phoneNumberE164: e164FromDigits(phoneNumber),
    ...others,
    tags: stringList(source.tags),
    customFields: objectOrEmpty(source.customFields),
    team: isObject(source.team) ? source.team : null,
    channel: isObject(source.channel) ? source.channel : null,
  };
}

function e164FromDigits(phoneNumber: string | null): string | null {
  if (!phoneNumber) return null;
  const digits = phoneNumber.replace(/\D/g, '');
  return /^\d{6,15}$/.test(digits) ? `+${digits}` : null;
}

/** Output field labels for a contact, at the top level or under a prefix such as `contact__`. */
export function contactOutputFields(prefix = '', labelPrefix = ''): PlainOutputField[] {
  const field = (
    key: string,
    label: string,
    extra: Partial<PlainOutputField> = {},
  ): PlainOutputField => ({
    key: `${prefix}${key}`,
    label: `${labelPrefix}${label}`,
    ...extra,
  });
  return [
    field('uuid', 'Contact ID'),
    field('name', 'Contact Name'),
    field('phoneNumber', 'Phone Number (Digits)'),
    field('phoneNumberE164', 'Phone Number (E.164)'),
    field('source', 'Channel Type'),
    field('tags', 'Tags', { list: true }),
    field('href', 'Contact Link'),
    field('conversationHref', 'Conversation Link'),
    field('avatarUrl', 'Avatar URL'),
    field('createdAt', 'Contact Created At', { type: 'datetime' }),
    field('closedAt', 'Conversation Closed At', { type: 'datetime' }),
    field('blockedAt', 'Blocked At', { type: 'datetime' }),
    field('assignedUser', 'Assigned User Email'),
    field('funnelId', 'Funnel Stage ID'),
    field('bsuid', 'WhatsApp BSUID'),
    field('note', 'Contact Note'),
    field('customFields', 'Custom Fields'),
    field('team', 'Team'),
    field('channel', 'Channel'),
  ];
}

/** The contact in Callbell's documented webhook bodies, as every output shows a contact. */
export const sampleContact: ContactOutput = {
  uuid: 'eb2b914a977e4ab896e7b886698b3eac',
  name: 'John Doe',
  phoneNumber: '331122334455',
  phoneNumberE164: '+331122334455',
  source: 'whatsapp',
  href: 'https://dash.callbell.eu/contacts/eb2b914a977e4ab896e7b886698b3eac',
  conversationHref: 'https://dash.callbell.eu/chat/f3670b13446b412796238b1cd78899f9',
  avatarUrl: null,
  createdAt: '2022-10-12T15:57:16Z',
  closedAt: null,
  blockedAt: null,
  assignedUser: null,
  funnelId: null,
  bsuid: null,
  note: null,
  tags: ['Lead'],
  customFields: {},
  team: null,
  channel: null,
};

/** A contact as actions and searches return it: its uuid doubles as the Zapier `id`. */
export type ContactResult = ContactOutput & { id: string };

/** What Callbell answers wherever it returns a contact (an object or a one-element array). */
export interface ContactAnswer {
  contact?: Contact | Contact[];
}

export function contactResult(answer: ContactAnswer): ContactResult {
  const contact = contactOutput(unwrapOne(answer.contact, 'contact'));
  return { id: contact.uuid ?? '', ...contact };
}

export const contactResultSample: ContactResult = {
  id: sampleContact.uuid ?? '',
  ...sampleContact,
};

export const contactResultOutputFields: PlainOutputField[] = [
  { key: 'id', label: 'ID' },
  ...contactOutputFields(),
];
