import type { ZObject } from 'zapier-platform-core';
import { callbell, callbellOrNull, type HttpMethod } from '../client/request';
import { contactResult, type ContactAnswer, type ContactResult } from '../shapes/contact';
import { listPage } from './pages';

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

export function contactPath(uuid: string, ...rest: string[]): string {
  return ['/contacts', encodeURIComponent(uuid), ...rest].join('/');
}

const MANAGE_CONTACTS = { action: 'manage contacts', thing: 'contact' };

/** The contact with this phone number (digits only), or null when Callbell has none. */
export async function findContactByPhone(
  z: ZObject,
  digits: string,
  channelUuid?: string,
): Promise<ContactResult | null> {
  const answer = await callbellOrNull<ContactAnswer>(z, {
    path: `/contacts/phone/${encodeURIComponent(digits)}`,
    params: { channel_uuid: channelUuid },
    about: { action: 'look up contacts', thing: 'contact with the phone number', id: digits },
  });
  return answer ? contactResult(answer) : null;
}

export async function findContactByUuid(z: ZObject, uuid: string): Promise<ContactResult | null> {
  const answer = await callbellOrNull<ContactAnswer>(z, {
    path: contactPath(uuid),
    about: { ...MANAGE_CONTACTS, id: uuid },
  });
  return answer ? contactResult(answer) : null;
}

export async function findContactByBsuid(z: ZObject, bsuid: string): Promise<ContactResult | null> {
  const answer = await callbellOrNull<ContactAnswer>(z, {
    path: `/contacts/bsuid/${encodeURIComponent(bsuid)}`,
    about: { action: 'look up contacts', thing: 'contact with the BSUID', id: bsuid },
  });
  return answer ? contactResult(answer) : null;
}

/** A contact named by a step: its uuid, or the digits of its phone number. */
export type ContactTarget = { uuid: string } | { digits: string };

/**
 * A phone number Callbell has no contact for. Zapier's error-handling guide gives a missing
 * precondition to `HaltedError` ("Stops current operation, but will never turn off Zap";
 * cli README "Halting Execution"): a Zap that adds notes for every new form entry should skip
 * the people who never wrote in, not be switched off for them. A contact ID that does not
 * exist is a mistake in the Zap instead, and stays an error (the 404 from src/client).
 */
export function noContactWithPhone(z: ZObject, digits: string): Error {
  return new z.errors.HaltedError(
    `Skipped: Callbell has no contact with the phone number +${digits}. To create it first, use Find or Create Contact before this step.`,
  );
}

/**
 * The uuid of the contact a step names: as given (no request), or one look-up by phone number.
 * A number Callbell does not know halts the step (see noContactWithPhone).
 */
export async function contactUuidOf(z: ZObject, target: ContactTarget): Promise<string> {
  if ('uuid' in target) return target.uuid;
  const contact = await findContactByPhone(z, target.digits);
  if (!contact?.uuid) throw noContactWithPhone(z, target.digits);
  return contact.uuid;
}

/** The contact a step names as it is now: one request, by uuid or by phone number. */
export async function currentContact(z: ZObject, target: ContactTarget): Promise<ContactResult> {
  if ('uuid' in target) {
    const contact = await findContactByUuid(z, target.uuid);
    if (contact) return contact;
    throw new z.errors.Error(
      `Callbell has no contact "${target.uuid}". Choose the contact again, or map its ID from a Callbell trigger or Find Contact step.`,
      'ContactNotFound',
      404,
    );
  }
  const contact = await findContactByPhone(z, target.digits);
  if (!contact) throw noContactWithPhone(z, target.digits);
  return contact;
}

export async function createContact(z: ZObject, body: object): Promise<ContactResult> {
  return contactResult(
    await callbell<ContactAnswer>(z, {
      method: 'POST',
      path: '/contacts',
      body,
      about: MANAGE_CONTACTS,
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
  });
}

/** One page of the account's contacts (contacts_api/get_contacts.md; pages count from 1). */
export function listContacts(z: ZObject, page: number): Promise<Contact[]> {
  return listPage<Contact>(z, { path: '/contacts', key: 'contacts', page, about: MANAGE_CONTACTS });
}

/** The first page of the account's contacts, as Callbell lists them. */
export async function recentContacts(z: ZObject): Promise<Contact[]> {
  const answer = await callbell<{ contacts?: Contact[] }>(z, {
    path: '/contacts',
    params: { page: 1 },
    about: MANAGE_CONTACTS,
  });
  return Array.isArray(answer.contacts) ? answer.contacts : [];
}

/** The first page of a contact's messages, newest first (as Callbell documents them). */
export async function contactMessages(z: ZObject, uuid: string): Promise<ConversationMessage[]> {
  const answer = await callbell<{ messages?: ConversationMessage[] }>(z, {
    path: contactPath(uuid, 'messages'),
    params: { page: 1 },
    about: { action: 'read messages', thing: 'contact', id: uuid },
  });
  return Array.isArray(answer.messages) ? answer.messages : [];
}
