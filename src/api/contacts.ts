import type { ZObject } from 'zapier-platform-core';
import { pathId, type IdField } from '../client/path';
import { callbell, callbellOrNull, type Expected, type HttpMethod } from '../client/request';
import { contactResult, type ContactAnswer, type ContactResult } from '../shapes/contact';
import { records } from '../values';

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
  team?: Record<string, unknown> | null;
  channel?: Record<string, unknown> | null;
  bsuid?: string | null;
  note?: string | null;
}

/** One message of a contact's conversation (GET /contacts/:uuid/messages). */
export interface ConversationMessage {
  uuid?: string;
  text?: string | null;
  createdAt?: string;
  status?: 'sent' | 'received' | 'note' | string;
  channel?: string;
  from?: string;
  to?: string;
  attachments?: string[];
}

/** The bot statuses Callbell takes on sends, contacts and POST /contacts/:uuid/bot. */
export const BOT_STATUSES = { bot_start: 'Start the Bot', bot_end: 'Stop the Bot' };

export type BotStatus = keyof typeof BOT_STATUSES;

/**
 * A contact uuid is 32 hex digits in every example of Callbell's docs (get_contact.md,
 * delete_contact.md, get_contact_messages.md…). patch_contacts.md describes `uuid` as "The
 * identifier of the contact (e.g. phone number in WhatsApp)", but that text is copied from
 * POST /contacts' `identifier`, and its own snippet sends a 32-hex uuid.
 */
const CONTACT_ID: IdField = { label: 'Contact ID', from: 'input', hex32: true };

export function contactPath(uuid: string, ...rest: string[]): string {
  return ['/contacts', pathId(uuid, CONTACT_ID), ...rest].join('/');
}

const MANAGE_CONTACTS = { action: 'manage contacts', thing: 'contact' };

/** Every answer that returns a contact carries it (as an object or a one-element list). */
const CONTACT: Expected = { key: 'contact', as: 'record' };

/** The contact with this phone number (digits only), or null when Callbell has none. */
export async function findContactByPhone(
  z: ZObject,
  digits: string,
  channelUuid?: string,
): Promise<ContactResult | null> {
  const answer = await callbellOrNull<ContactAnswer>(z, {
    path: `/contacts/phone/${pathId(digits, { label: 'Phone Number', from: 'input' })}`,
    params: { channel_uuid: channelUuid },
    about: { action: 'look up contacts', thing: 'contact with the phone number', id: digits },
    expects: CONTACT,
  });
  return answer ? contactResult(answer) : null;
}

export async function findContactByUuid(z: ZObject, uuid: string): Promise<ContactResult | null> {
  const answer = await callbellOrNull<ContactAnswer>(z, {
    path: contactPath(uuid),
    about: { ...MANAGE_CONTACTS, id: uuid },
    expects: CONTACT,
  });
  return answer ? contactResult(answer) : null;
}

export async function findContactByBsuid(z: ZObject, bsuid: string): Promise<ContactResult | null> {
  const answer = await callbellOrNull<ContactAnswer>(z, {
    path: `/contacts/bsuid/${pathId(bsuid, { label: 'WhatsApp BSUID', from: 'input' })}`,
    about: { action: 'look up contacts', thing: 'contact with the BSUID', id: bsuid },
    expects: CONTACT,
  });
  return answer ? contactResult(answer) : null;
}

/** A contact named by a step: its uuid, or the digits of its phone number. */
export type ContactTarget = { uuid: string } | { digits: string };

/**
 * The uuid of the contact a step names: as given (no request), or one look-up by phone number.
 * A number Callbell does not know is an error naming it: the action cannot go on without it.
 */
export async function contactUuidOf(z: ZObject, target: ContactTarget): Promise<string> {
  if ('uuid' in target) return target.uuid;
  const { digits } = target;
  const contact = await findContactByPhone(z, digits);
  if (!contact?.uuid) {
    throw new z.errors.Error(
      `Callbell has no contact with the phone number +${digits}. Check the number, or create the contact first (e.g. with Find or Create Contact).`,
      'ContactNotFound',
      404,
    );
  }
  pathId(contact.uuid, { ...CONTACT_ID, label: 'contact ID', from: 'answer' });
  return contact.uuid;
}

export async function createContact(z: ZObject, body: object): Promise<ContactResult> {
  return contactResult(
    await callbell<ContactAnswer>(z, {
      method: 'POST',
      path: '/contacts',
      body,
      about: MANAGE_CONTACTS,
      expects: CONTACT,
    }),
  );
}

export async function updateContact(
  z: ZObject,
  uuid: string,
  body: object,
): Promise<ContactResult> {
  return contactResult(
    await callbell<ContactAnswer>(z, {
      method: 'PATCH',
      path: contactPath(uuid),
      body,
      about: { ...MANAGE_CONTACTS, id: uuid },
      expects: CONTACT,
    }),
  );
}

/** A change to a contact's conversation that Callbell answers with the contact. */
export interface ConversationChange {
  method: HttpMethod;
  /** The path below /contacts/:uuid, e.g. "conversation/close". */
  action: string;
  /** What the key was trying to do, for errors: "close conversations". */
  purpose: string;
  /** What a 404 means was not found; the contact unless the change names another record. */
  notFound?: string;
  body?: object;
}

export async function changeConversation(
  z: ZObject,
  uuid: string,
  { method, action, purpose, notFound = 'contact', body }: ConversationChange,
): Promise<ContactResult> {
  return contactResult(
    await callbell<ContactAnswer>(z, {
      method,
      path: contactPath(uuid, ...action.split('/')),
      body,
      about: { action: purpose, thing: notFound, id: uuid },
      expects: CONTACT,
    }),
  );
}

export async function addConversationNote(
  z: ZObject,
  uuid: string,
  text: string,
): Promise<{ success?: boolean }> {
  return callbell<{ success?: boolean }>(z, {
    method: 'POST',
    path: contactPath(uuid, 'conversation', 'note'),
    body: { text },
    about: { action: 'add conversation notes', thing: 'contact', id: uuid },
    expects: { key: 'success', as: 'value' },
  });
}

export async function setBotStatus(
  z: ZObject,
  uuid: string,
  status: BotStatus,
): Promise<{ bot?: unknown }> {
  return callbell<{ bot?: unknown }>(z, {
    method: 'POST',
    path: contactPath(uuid, 'bot'),
    body: { status },
    about: { action: 'change bot status', thing: 'contact', id: uuid },
    expects: { key: 'bot', as: 'record' },
  });
}

/** The first page of the account's contacts, as Callbell lists them. */
export async function recentContacts(z: ZObject): Promise<Contact[]> {
  const answer = await callbell<{ contacts?: Contact[] }>(z, {
    path: '/contacts',
    params: { page: 1 },
    about: MANAGE_CONTACTS,
    expects: { key: 'contacts', as: 'list' },
  });
  return records<Contact>(answer.contacts);
}

/** The first page of a contact's messages, newest first (as Callbell documents them). */
export async function contactMessages(z: ZObject, uuid: string): Promise<ConversationMessage[]> {
  const answer = await callbell<{ messages?: ConversationMessage[] }>(z, {
    path: contactPath(uuid, 'messages'),
    params: { page: 1 },
    about: { action: 'read messages', thing: 'contact', id: uuid },
    expects: { key: 'messages', as: 'list' },
  });
  return records<ConversationMessage>(answer.messages);
}
