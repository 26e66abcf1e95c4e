import type { ZObject } from 'zapier-platform-core';
import { pathId, type IdField } from '../client/path';
import {
  callbell,
  callbellIfRouteExists,
  callbellOrNull,
  type Expected,
  type HttpMethod,
} from '../client/request';
import {
  contactResult,
  type Contact,
  type ContactAnswer,
  type ContactResult,
} from '../shapes/contact';
import { records } from '../values';
import type { ListPage } from './page-walk';

/** One message of a contact's conversation (GET /contacts/:uuid/messages). */
export interface ConversationMessage {
  uuid?: string;
  text?: string | null;
  createdAt?: string;
  status?: 'sent' | 'received' | 'note' | string;
  channel?: string;
  from?: string;
  to?: string;
}

/** The bot statuses Callbell takes on sends, contacts and POST /contacts/:uuid/bot. */
export const BOT_STATUSES = { bot_start: 'Start the Bot', bot_end: 'Stop the Bot' };

export type BotStatus = keyof typeof BOT_STATUSES;

/**
 * A contact uuid is 32 hex digits in every example of Callbell's docs, but no page states a
 * format (patch_contacts.md: "The identifier of the contact"; delete_message.md speaks of a
 * "UUID or external ID"), so any id that can be one path segment goes; Callbell judges it.
 */
const CONTACT_ID: IdField = { label: 'Contact', from: 'input' };

export function contactPath(uuid: string, ...rest: string[]): string {
  return ['/contacts', pathId(uuid, CONTACT_ID), ...rest].join('/');
}

const MANAGE_CONTACTS = { action: 'manage contacts', thing: 'contact' };

/** Every answer that returns a contact carries it (as an object or a one-element list). */
const CONTACT: Expected = { key: 'contact', as: 'record' };

/**
 * The contact with this phone number (digits only), or null when Callbell has none. Without a
 * channel "the lookup will be performed on the main WhatsApp channel"; `channel_uuid` searches
 * that channel (contacts_api/get_contact_by_phone.md; the docs do not show where it goes, and a
 * GET has only the query).
 */
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

/** With `include_field_types=true` custom fields come back typed (contacts_api/get_contact.md). */
export async function findContactByUuid(z: ZObject, uuid: string): Promise<ContactResult | null> {
  const answer = await callbellOrNull<ContactAnswer>(z, {
    path: contactPath(uuid),
    params: { include_field_types: true },
    about: { ...MANAGE_CONTACTS, id: uuid },
    expects: CONTACT,
  });
  return answer ? contactResult(answer) : null;
}

export async function findContactByBsuid(z: ZObject, bsuid: string): Promise<ContactResult | null> {
  const answer = await callbellOrNull<ContactAnswer>(z, {
    path: `/contacts/bsuid/${pathId(bsuid, { label: 'WhatsApp User', from: 'input' })}`,
    about: { action: 'look up contacts', thing: 'contact with the BSUID', id: bsuid },
    expects: CONTACT,
  });
  return answer ? contactResult(answer) : null;
}

/** A contact named by a step: its uuid, or the digits of its phone number (on a channel). */
export type ContactTarget = { uuid: string } | { digits: string; channelUuid?: string };

/**
 * A phone number Callbell has no contact for. Zapier's error-handling guide gives a missing
 * precondition to `HaltedError` ("Stops current operation, but will never turn off Zap";
 * cli README "Halting Execution"): a Zap that adds notes for every new form entry should skip
 * the people who never wrote in, not be switched off for them. A contact ID that does not
 * exist is a mistake in the Zap instead, and stays an error (the 404 from src/client).
 */
function noContactWithPhone(z: ZObject, digits: string, channelUuid?: string): Error {
  const where = channelUuid ? 'on the chosen channel' : 'on your main WhatsApp channel';
  return new z.errors.HaltedError(
    `Skipped: Callbell has no contact with the phone number +${digits} ${where}. To create it first, use Find or Create Contact before this step.`,
  );
}

/**
 * The uuid of the contact a step names: as given (no request), or one look-up by phone number.
 * A number Callbell does not know halts the step (see noContactWithPhone).
 */
export async function contactUuidOf(z: ZObject, target: ContactTarget): Promise<string> {
  if ('uuid' in target) return target.uuid;
  return (await contactByPhone(z, target)).id;
}

/** The contact a step names as it is now: one GET by uuid, or the look-up by phone number. */
export async function readTargetContact(z: ZObject, target: ContactTarget): Promise<ContactResult> {
  if ('digits' in target) return contactByPhone(z, target);
  const contact = await findContactByUuid(z, target.uuid);
  if (!contact) {
    throw new z.errors.Error(
      `Callbell has no contact "${target.uuid}". Choose the contact again, or map its ID from a Callbell trigger or Find Contact step.`,
      'ContactNotFound',
      404,
    );
  }
  return contact;
}

async function contactByPhone(
  z: ZObject,
  { digits, channelUuid }: { digits: string; channelUuid?: string },
): Promise<ContactResult> {
  const contact = await findContactByPhone(z, digits, channelUuid);
  if (!contact?.uuid) throw noContactWithPhone(z, digits, channelUuid);
  pathId(contact.uuid, { ...CONTACT_ID, label: 'contact ID', from: 'answer' });
  return contact;
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
}

export async function changeConversation(
  z: ZObject,
  uuid: string,
  { method, action, purpose }: ConversationChange,
): Promise<ContactResult> {
  return contactResult(
    await callbell<ContactAnswer>(z, {
      method,
      path: contactPath(uuid, ...action.split('/')),
      about: { action: purpose, thing: 'contact', id: uuid },
      expects: CONTACT,
    }),
  );
}

/**
 * The reference page says `PUT /contacts/:uuid/conversation/update_funnel`
 * (contacts_api/put_contacts_conversation_update_funnel.md, release note 2025-12-22); every
 * snippet of it says `POST /contacts/:uuid/messages/update_funnel` with `funnel_id`
 * (`_put_contact_conversation_update_funnel.mdx`). The page's route is tried first; a 404 or
 * 405 (no such route) tries the snippets'. Setting a stage is idempotent, so two tries are safe.
 */
export async function updateConversationFunnel(
  z: ZObject,
  uuid: string,
  funnelId: string,
): Promise<ContactResult> {
  const request = {
    body: { funnel_id: funnelId },
    about: {
      action: 'move conversations between funnel stages',
      thing: 'contact or funnel stage',
      id: uuid,
    },
    expects: CONTACT,
  };
  const answer =
    (await callbellIfRouteExists<ContactAnswer>(z, {
      ...request,
      method: 'PUT',
      path: contactPath(uuid, 'conversation', 'update_funnel'),
    })) ??
    (await callbell<ContactAnswer>(z, {
      ...request,
      method: 'POST',
      path: contactPath(uuid, 'messages', 'update_funnel'),
    }));
  return contactResult(answer);
}

/** DELETE /contacts/:uuid: "This operation is unreversible" (contacts_api/delete_contact.md). */
export async function deleteContact(z: ZObject, uuid: string): Promise<{ status?: unknown }> {
  return callbell<{ status?: unknown }>(z, {
    method: 'DELETE',
    path: contactPath(uuid),
    about: { action: 'delete contacts', thing: 'contact', id: uuid },
    expects: { key: 'status', as: 'value' },
  });
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

/** A guard for the dropdown's "load more": 100 pages of contacts is far more than a dropdown shows. */
const MAX_DROPDOWN_PAGES = 100;

/**
 * One page of the account's contacts for the Contact dropdown (contacts_api/get_contacts.md:
 * `page` counts from 1; no page size and no `meta` are documented). With `meta.pages` the list
 * ends there. Without it, the list has ended on an empty page or on one that only repeats the
 * page before (a server that ignores `page`), as walkPages ends a walk: the page before is
 * compared, read again only when the caller does not hand it in (`previous`), so a "load more"
 * costs at most two requests and a loop over pages one per page.
 */
export async function listContacts(
  z: ZObject,
  page: number,
  previous?: Contact[],
): Promise<Contact[]> {
  if (page > MAX_DROPDOWN_PAGES) return [];
  const { items, pages } = await contactsPage(z, {}, page);
  if (pages !== undefined) return page > pages ? [] : items;
  if (page === 1 || items.length === 0) return items;
  const before = new Set((previous ?? (await contactsPage(z, {}, page - 1)).items).map(contactKey));
  return items.some((contact) => !before.has(contactKey(contact))) ? items : [];
}

function contactKey(contact: Contact): string {
  return String(contact.uuid);
}

/** The first page of the account's contacts, as Callbell lists them. */
export async function recentContacts(z: ZObject): Promise<Contact[]> {
  return (await contactsPage(z, {}, 1)).items;
}

/** The filters GET /contacts documents: `tags` comma-separated, `source`, `team_uuid`. */
export interface ContactFilters {
  tags?: string;
  source?: string;
  team_uuid?: string;
  include_field_types?: boolean;
}

/**
 * One page of GET /contacts (contacts_api/get_contacts.md). The docs give no page size, no
 * sort and no `meta`; `meta.pages` is read when Callbell sends it.
 */
export async function contactsPage(
  z: ZObject,
  filters: ContactFilters,
  page: number,
): Promise<ListPage<Contact>> {
  const answer = await callbell<{ contacts?: Contact[]; meta?: { pages?: unknown } }>(z, {
    path: '/contacts',
    params: { ...filters, page },
    about: MANAGE_CONTACTS,
    expects: { key: 'contacts', as: 'list' },
  });
  return listPageOf(records<Contact>(answer.contacts), answer.meta);
}

/** The first page of a contact's messages, newest first (as Callbell documents them). */
export async function contactMessages(z: ZObject, uuid: string): Promise<ConversationMessage[]> {
  return (await contactMessagesPage(z, uuid, 1)).items;
}

/**
 * One page of GET /contacts/:uuid/messages: "paginated and sorted by `createdAt` in
 * descending order" (contacts_api/get_contact_messages.md); no page size, no `meta` shown.
 */
export async function contactMessagesPage(
  z: ZObject,
  uuid: string,
  page: number,
): Promise<ListPage<ConversationMessage>> {
  const answer = await callbell<{ messages?: ConversationMessage[]; meta?: { pages?: unknown } }>(
    z,
    {
      path: contactPath(uuid, 'messages'),
      params: { page },
      about: { action: 'read messages', thing: 'contact', id: uuid },
      expects: { key: 'messages', as: 'list' },
    },
  );
  return listPageOf(records<ConversationMessage>(answer.messages), answer.meta);
}

function listPageOf<T>(items: T[], meta: { pages?: unknown } | undefined): ListPage<T> {
  const pages = meta?.pages;
  return {
    items,
    pages: typeof pages === 'number' && Number.isFinite(pages) ? pages : undefined,
  };
}
