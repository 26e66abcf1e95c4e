import type { Contact } from '../client/types';
import { isObject, objectOrEmpty, stringList, stringOrNull, type JsonObject } from './values';

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

export function contactOutput(contact: Contact | JsonObject | unknown): ContactOutput {
  const source = objectOrEmpty(contact);
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

export interface OutputField {
  key: string;
  label: string;
  type?: 'string' | 'datetime' | 'boolean' | 'number';
  list?: boolean;
  primary?: boolean;
}

/** Output field labels for a contact, at the top level or under a prefix such as `contact__`. */
export function contactOutputFields(prefix = '', labelPrefix = ''): OutputField[] {
  const field = (key: string, label: string, extra: Partial<OutputField> = {}): OutputField => ({
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
