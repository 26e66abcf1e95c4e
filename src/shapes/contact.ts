import type { PlainOutputField } from 'zapier-platform-core';
import { single, unwrapOne } from '../client/unwrap';
import { nameParts } from './name-parts';
import { objectOrEmpty, outputTime, stringList, stringOrNull, type JsonObject } from '../values';

/** A contact as Callbell's API documents it (fields Callbell may omit are optional). */
export interface Contact {
  uuid: string;
  name?: string | null;
  phoneNumber?: string | null;
  avatarUrl?: string | null;
  blockedAt?: string | null;
  createdAt?: string | null;
  source?: string | null;
  funnelId?: string | null;
  closedAt?: string | null;
  href?: string | null;
  conversationHref?: string | null;
  tags?: string[];
  assignedUser?: string | null;
  customFields?: Record<string, unknown>;
  /** Only with `include_field_types=true` (contacts_api/get_contacts.md, get_contact.md). */
  customFieldsMetadata?: Record<string, unknown>;
  team?: Record<string, unknown> | null;
  channel?: Record<string, unknown> | null;
  bsuid?: string | null;
  note?: string | null;
}

/**
 * A contact as every trigger, action and search hands it to the Zap: Callbell's own fields,
 * plus `phoneNumberE164` ("+31612345678") because CRMs and forms expect the "+" that Callbell's
 * digits lack. Missing fields are null, so the Zap editor always offers the same keys.
 */
export interface ContactOutput extends JsonObject {
  uuid: string | null;
  name: string | null;
  firstName: string | null;
  lastName: string | null;
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
  team: TeamRef;
  channel: ChannelRef;
}

/** The contact's team (object_types/team.md): its id and its name, null when it has none. */
export interface TeamRef extends JsonObject {
  uuid: string | null;
  name: string | null;
}

/** The contact's channel (object_types/channel.md): id, the title the dashboard shows, network. */
export interface ChannelRef extends JsonObject {
  uuid: string | null;
  title: string | null;
  type: string | null;
}

const STRING_FIELDS = [
  'uuid',
  'name',
  'phoneNumber',
  'source',
  'href',
  'conversationHref',
  'avatarUrl',
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
    ...nameParts(name),
    phoneNumber,
    phoneNumberE164: isPhoneSource(others.source) ? e164FromDigits(phoneNumber) : null,
    ...others,
    createdAt: outputTime(source.createdAt),
    closedAt: outputTime(source.closedAt),
    blockedAt: outputTime(source.blockedAt),
    tags: stringList(source.tags),
    customFields: typedCustomFields(source.customFields, source.customFieldsMetadata),
    // Always the same keys, so a static sample's `team__name` is in every live run (T004),
    // and a chosen team or channel comes back with its name (build guidelines, "Dropdown Fields").
    team: teamRef(source.team),
    channel: channelRef(source.channel),
  };
}

/**
 * Custom field values as a Zap can use them. Callbell returns a checkbox field's ticked options
 * in `customFields` as a JSON-encoded string (`"[\"Newsletter\", \"Promotions\"]"`), and as a
 * list in `customFieldsMetadata`, sent only with `include_field_types=true`
 * (contacts_api/get_contacts.md). Only what converts without loss is converted: checkbox values
 * become lists, a number field's text a number when the number writes back the same (not
 * "01234", not 20 or 400 digits), and JSON text of a list becomes a list only when no type says
 * the field is something else (a text field may hold '["a","b"]'). Anything else stays as sent.
 */
export function typedCustomFields(fields: unknown, metadata: unknown): JsonObject {
  const values = objectOrEmpty(fields);
  const types = objectOrEmpty(metadata);
  const names = new Set([...Object.keys(values), ...Object.keys(types)]);
  return Object.fromEntries(
    [...names].map((name) => {
      const described = objectOrEmpty(types[name]);
      const value = Object.hasOwn(values, name) ? values[name] : described.value;
      return [name, typedValue(value, described)];
    }),
  );
}

function typedValue(value: unknown, described: JsonObject): unknown {
  if (described.type === 'checkbox') {
    return Array.isArray(described.value) ? stringList(described.value) : optionList(value);
  }
  if (described.type === 'number' && typeof value === 'string') return losslessNumber(value);
  if (described.type === undefined && typeof value === 'string' && value.startsWith('['))
    return optionList(value);
  return value;
}

/** The number a text writes, when writing that number back gives the same text. */
function losslessNumber(text: string): number | string {
  const number = Number(text);
  return /^-?\d+(\.\d+)?$/.test(text) && String(number) === text ? number : text;
}

/** A checkbox value: a list, or the JSON text of a list of strings; anything else as it is. */
function optionList(value: unknown): unknown {
  if (Array.isArray(value)) return stringList(value);
  if (typeof value !== 'string') return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')
      ? parsed
      : value;
  } catch {
    return value;
  }
}

/**
 * Only WhatsApp contacts have phone numbers: a contact's identifier is the "phone number in
 * WhatsApp" (contacts_api/post_contacts.md), the network's own id on Instagram, Messenger and
 * Telegram. A contact without `source` (some webhook bodies) may be either: read as a number.
 */
function isPhoneSource(source: string | null): boolean {
  return source === null || source === 'whatsapp';
}

function teamRef(value: unknown): TeamRef {
  const team = objectOrEmpty(value);
  return { uuid: stringOrNull(team.uuid), name: stringOrNull(team.name) };
}

function channelRef(value: unknown): ChannelRef {
  const channel = objectOrEmpty(value);
  return {
    uuid: stringOrNull(channel.uuid),
    title: stringOrNull(channel.title),
    type: stringOrNull(channel.type),
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
    field('firstName', 'Contact First Name'),
    field('lastName', 'Contact Last Name'),
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
    field('assignedUser', 'Assigned Agent Email'),
    field('funnelId', 'Funnel Stage ID'),
    field('bsuid', 'WhatsApp BSUID'),
    field('note', 'Contact Note'),
    field('customFields', 'Custom Fields'),
    field('team__uuid', 'Team ID'),
    field('team__name', 'Team Name'),
    field('channel__uuid', 'Channel ID'),
    field('channel__title', 'Channel Name'),
    field('channel__type', 'Channel Network'),
  ];
}

const SAMPLE_CONTACT_UUID = 'eb2b914a977e4ab896e7b886698b3eac';

/** The contact in Callbell's documented webhook bodies, as every output shows a contact. */
export const sampleContact: ContactOutput = {
  uuid: SAMPLE_CONTACT_UUID,
  name: 'John Doe',
  firstName: 'John',
  lastName: 'Doe',
  phoneNumber: '33612345678',
  phoneNumberE164: '+33612345678',
  source: 'whatsapp',
  href: `https://dash.callbell.eu/contacts/${SAMPLE_CONTACT_UUID}`,
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
  team: { uuid: null, name: null },
  channel: { uuid: null, title: null, type: null },
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
  id: SAMPLE_CONTACT_UUID,
  ...sampleContact,
};

export const contactResultOutputFields: PlainOutputField[] = [
  { key: 'id', label: 'ID' },
  ...contactOutputFields(),
];
