import type { Account } from '../account';
import {
  invalid,
  noSuchRoute,
  notFound,
  paginate,
  route,
  type Route,
  type RouteContext,
} from '../http';
import { newUuid, now } from '../ids';
import { seed, type SeedContact, type SeedCustomField } from '../seed';
import { channel, mainChannelUuid } from './channels';
import { funnel } from './funnels';
import type { SandboxQuirks } from '../quirks';
import { isCollaborator, team } from './teams';

// Docs named here are in callbellchat/callbell-public-docs, under docs/api/reference/.

export const DASH = 'https://dash.callbell.eu';
export const HOUR = 3_600_000;

type Body = Record<string, unknown>;

export interface Contact {
  uuid: string;
  name: string;
  phoneNumber: string;
  source: string;
  tags: string[];
  customFields: Record<string, string | string[]>;
  createdAt: string;
  closedAt: string | null;
  blockedAt: null;
  funnelId: string | null;
  assignedUser: string | null;
  teamUuid: string | null;
  channelUuid: string;
  note: string | null;
  bsuid: string | null;
  botStatus: 'bot_start' | 'bot_end';
  /** When the contact last wrote, for WhatsApp's 24-hour window; null if never. */
  lastInboundAt: number | null;
}

function seededContact(contact: SeedContact): Contact {
  return {
    ...contact,
    closedAt: null,
    blockedAt: null,
    funnelId: null,
    assignedUser: null,
    teamUuid: null,
    channelUuid: mainChannelUuid(),
    note: null,
    bsuid: null,
    botStatus: 'bot_start',
    lastInboundAt:
      contact.lastWroteHoursAgo === null ? null : Date.now() - contact.lastWroteHoursAgo * HOUR,
  };
}

export function seededContacts(): Map<string, Contact> {
  return new Map(seed.contacts.map((contact) => [contact.uuid, seededContact(contact)]));
}

/**
 * The contact object with the keys object_types/contact.md lists. A checkbox field's options
 * come back in `customFields` as a JSON-encoded string, and as a list in
 * `customFieldsMetadata` with their type and options, which only `include_field_types=true`
 * adds (contacts_api/get_contacts.md, get_contact.md).
 */
export function contactJson(account: Account, contact: Contact, withTypes = false): Body {
  return {
    ...contactFields(account, contact),
    ...(withTypes ? { customFieldsMetadata: customFieldsMetadata(contact) } : {}),
  };
}

function customFieldsMetadata(contact: Contact): Body {
  return Object.fromEntries(
    Object.entries(contact.customFields).map(([name, value]) => {
      const field = seed.customFields.find((candidate) => candidate.name === name);
      const options = field?.options ? { options: field.options } : {};
      return [name, { value, type: field?.type ?? 'text', ...options }];
    }),
  );
}

function encodedCustomFields(contact: Contact): Record<string, string> {
  return Object.fromEntries(
    Object.entries(contact.customFields).map(([name, value]) => [
      name,
      Array.isArray(value) ? JSON.stringify(value) : value,
    ]),
  );
}

function contactFields(account: Account, contact: Contact): Body {
  const ownTeam = team(account, contact.teamUuid);
  const ownChannel = channel(contact.channelUuid);
  return {
    uuid: contact.uuid,
    name: contact.name,
    phoneNumber: contact.phoneNumber,
    avatarUrl: null,
    blockedAt: contact.blockedAt,
    createdAt: contact.createdAt,
    source: contact.source,
    funnelId: contact.funnelId,
    closedAt: contact.closedAt,
    href: `${DASH}/contacts/${contact.uuid}`,
    conversationHref: `${DASH}/chat/${contact.uuid}`,
    tags: contact.tags,
    assignedUser: contact.assignedUser,
    customFields: encodedCustomFields(contact),
    team: ownTeam ? { uuid: ownTeam.uuid, name: ownTeam.name } : null,
    channel: ownChannel
      ? { uuid: ownChannel.uuid, title: ownChannel.title, type: ownChannel.type }
      : null,
    bsuid: contact.bsuid,
    note: contact.note,
  };
}

/**
 * contacts_api/get_contacts.md and get_contact.md (release note 2026-03-03): with
 * `include_field_types=true` each contact also carries `customFieldsMetadata`, its custom
 * fields' value, type and, for dropdowns and checkboxes, options.
 */

// ---- lookups ---------------------------------------------------------------------------

export function contact(account: Account, uuid: string): Contact {
  const found = account.contacts.get(uuid);
  if (!found) throw notFound('Contact');
  return found;
}

export function findByPhone(account: Account, digits: string): Contact | undefined {
  return [...account.contacts.values()].find((candidate) => candidate.phoneNumber === digits);
}

/**
 * contacts_api/get_contact_by_phone.md: "When the `channel_uuid` is specified, the contact will
 * be searched by the phone number and the channel, otherwise by default the lookup will be
 * performed on the main WhatsApp channel."
 */
export function contactByPhone(
  account: Account,
  digits: string,
  channelUuid: string | null,
): Contact {
  const onChannel = channelUuid || mainChannelUuid();
  const found = [...account.contacts.values()].find(
    (candidate) => candidate.phoneNumber === digits && candidate.channelUuid === onChannel,
  );
  if (!found) throw notFound('Contact');
  return found;
}

export function contactByBsuid(account: Account, bsuid: string): Contact {
  const found = [...account.contacts.values()].find((candidate) => candidate.bsuid === bsuid);
  if (!found) throw notFound('Contact');
  return found;
}

// ---- changes ---------------------------------------------------------------------------

/**
 * contacts_api/post_contacts.md; the contact_created event (webhooks/contact_events/). A
 * WhatsApp identifier is kept as its digits, or as sent (quirks.contactIdentifier).
 */
export function createContact(
  account: Account,
  body: Body,
  identifier: SandboxQuirks['contactIdentifier'] = 'digits',
): Contact {
  const errors: Record<string, string[]> = {};
  // Required: identifier, source and name.
  for (const field of ['identifier', 'source', 'name']) {
    if (typeof body[field] !== 'string' || !(body[field] as string).trim())
      errors[field] = ["can't be blank"];
  }
  const sent = String(body.identifier ?? '').trim();
  const phoneNumber = identifier === 'digits' ? sent.replace(/\D/g, '') : sent;
  // One contact per number: the sandbox's assumption, not in Callbell's docs.
  if (!errors.identifier && findByPhone(account, phoneNumber))
    errors.identifier = ['has already been taken'];
  checkContactFields(account, body, errors);
  if (Object.keys(errors).length) throw invalid(errors);
  const created: Contact = {
    ...seededContact({
      uuid: newUuid(),
      name: String(body.name),
      phoneNumber,
      source: body.source as SeedContact['source'],
      tags: [],
      customFields: {},
      createdAt: now(),
      lastWroteHoursAgo: null,
    }),
    // Without channel_uuid, the main channel.
    channelUuid: typeof body.channel_uuid === 'string' ? body.channel_uuid : mainChannelUuid(),
  };
  applyContactFields(created, body);
  account.contacts.set(created.uuid, created);
  account.hooks.emit('contact_created', contactJson(account, created));
  return created;
}

/**
 * contacts_api/patch_contacts.md; the contact_updated event (webhooks/contact_events/).
 * Custom fields are merged, or replaced (quirks.customFields).
 */
export function updateContact(
  account: Account,
  uuid: string,
  body: Body,
  customFields: SandboxQuirks['customFields'] = 'merge',
): Contact {
  const updated = contact(account, uuid);
  const errors: Record<string, string[]> = {};
  if ('name' in body && (typeof body.name !== 'string' || !body.name.trim()))
    errors.name = ["can't be blank"];
  checkContactFields(account, body, errors);
  if (Object.keys(errors).length) throw invalid(errors);
  if (typeof body.name === 'string') updated.name = body.name;
  if (body.unassign_user === true) updated.assignedUser = null;
  if (customFields === 'replace' && body.custom_fields) updated.customFields = {};
  applyContactFields(updated, body);
  account.hooks.emit('contact_updated', contactJson(account, updated));
  return updated;
}

/**
 * Closes (closedAt now: contacts_api/post_contact_conversation_close.md) or reopens (closedAt
 * null: post_contact_conversation_open.md) the contact's conversation, with the
 * conversation_closed or conversation_opened event (webhooks/conversation_events/).
 */
export function setConversation(account: Account, uuid: string, open: boolean): Contact {
  const changed = contact(account, uuid);
  changed.closedAt = open ? null : now();
  const conversation = {
    source: changed.source,
    href: `${DASH}/chat/${changed.uuid}`,
    contact: contactJson(account, changed),
    createdAt: changed.createdAt,
  };
  if (open) account.hooks.emit('conversation_opened', { ...conversation, createdAt: now() });
  else
    account.hooks.emit('conversation_closed', {
      ...conversation,
      // The documented example says "issue_resolved"; "api" is the sandbox's word for a close
      // made through the API.
      closingReason: 'api',
      closedAt: changed.closedAt,
    });
  return changed;
}

/**
 * The checks contacts_api/post_contacts.md and patch_contacts.md document: tags, custom
 * fields, assigned_user and team_uuid must exist in the account; custom field values must fit
 * their field's type; a note holds at most 1000 characters.
 */
export function checkContactFields(account: Account, body: Body, errors: Record<string, string[]>) {
  const tags = body.tags;
  if (tags !== undefined) {
    const unknown = (Array.isArray(tags) ? tags : [tags]).filter((tag) => !knownTag(tag));
    if (unknown.length) errors.tags = unknown.map((tag) => `${String(tag)} does not exist`);
  }
  const customFields = body.custom_fields;
  if (customFields !== undefined) {
    const problems = Object.entries(customFields as Body).flatMap(([name, value]) =>
      customFieldProblem(name, value),
    );
    if (problems.length) errors.custom_fields = problems;
  }
  if (body.assigned_user !== undefined && !isCollaborator(account, body.assigned_user))
    errors.assigned_user = [`${String(body.assigned_user)} is not a collaborator of this account`];
  if (body.team_uuid !== undefined && !team(account, body.team_uuid))
    errors.team_uuid = ['team not found'];
  if (typeof body.note === 'string' && body.note.length > 1000)
    errors.note = ['is too long (maximum is 1000 characters)'];
}

/** Writes the optional fields of post_contacts.md and patch_contacts.md onto a contact. */
export function applyContactFields(target: Contact, body: Body) {
  if (Array.isArray(body.tags)) target.tags = body.tags.map((tag) => knownTag(tag) ?? String(tag));
  if (body.custom_fields)
    target.customFields = {
      ...target.customFields,
      ...(body.custom_fields as Record<string, string>),
    };
  if (typeof body.assigned_user === 'string') target.assignedUser = body.assigned_user;
  if (typeof body.team_uuid === 'string') target.teamUuid = body.team_uuid;
  // bot_status accepts bot_start or bot_end.
  if (body.bot_status === 'bot_start' || body.bot_status === 'bot_end')
    target.botStatus = body.bot_status;
  // patch_contacts.md: an empty note clears it.
  if (typeof body.note === 'string') target.note = body.note || null;
}

/** The account's spelling of a tag; tags are case-insensitive (contacts_api/get_contacts.md). */
function knownTag(tag: unknown): string | undefined {
  return seed.tags.find((known) => known.toLowerCase() === String(tag).toLowerCase());
}

/** The value formats per custom field type that post_contacts.md and patch_contacts.md list. */
function customFieldProblem(name: string, value: unknown): string[] {
  const field: SeedCustomField | undefined = seed.customFields.find(
    (candidate) => candidate.name === name,
  );
  if (!field) return [`Custom field ${name} does not exist`];
  const text = Array.isArray(value) ? value.map(String) : String(value);
  const valid: Record<SeedCustomField['type'], () => boolean> = {
    text: () => typeof text === 'string',
    email: () => typeof text === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text),
    number: () => typeof text === 'string' && /^-?\d+(\.\d+)?$/.test(text),
    date: () =>
      typeof text === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(text) &&
      !Number.isNaN(Date.parse(text)),
    dropdown: () => typeof text === 'string' && (field.options ?? []).includes(text),
    // Callbell documents a checkbox value as the list of ticked options, never a string.
    checkbox: () =>
      Array.isArray(text) && text.every((item) => (field.options ?? []).includes(item)),
  };
  return valid[field.type]() ? [] : [`${name} is not a valid ${field.type}`];
}

/**
 * The bot object of object_types/bot.md; the sandbox's account has one bot. Its `status` is
 * `in_progress`, `started` or `ended` (bot.md; post_contact_bot.md answers `started`), its
 * `version` an integer and `latestBotVersion` a boolean, as in those examples. Which status a
 * `bot_start` leads to is not documented: `started`, as post_contact_bot.md's example.
 */
function bot(account: Account, uuid: string, body?: Body): Body {
  const owner = contact(account, uuid);
  if (body) {
    // contacts_api/post_contact_bot.md: status is bot_start or bot_end.
    if (body.status !== 'bot_start' && body.status !== 'bot_end')
      throw invalid({ status: ['must be bot_start or bot_end'] });
    owner.botStatus = body.status;
  }
  return {
    uuid: 'f7155fc557b74597b429bd3dbb5ca677',
    name: 'Order Assistant',
    status: owner.botStatus === 'bot_start' ? 'started' : 'ended',
    conversationStartedAt: owner.createdAt,
    version: 5,
    latestBotVersion: true,
  };
}

/** The PATCH body with the given tags added to the contact's own (quirks.tags = 'add'). */
function withTagsAdded(current: Contact, body: Body): Body {
  if (!Array.isArray(body.tags)) return body;
  return { ...body, tags: [...new Set([...current.tags, ...body.tags.map(String)])] };
}

/** One of the two update_funnel routes, answering as the ref page's example when it is on. */
function moveToFunnel(
  { account, params, body, quirks }: RouteContext,
  only: SandboxQuirks['funnelRoutes'],
) {
  if (quirks.funnelRoutes !== 'both' && quirks.funnelRoutes !== only) throw noSuchRoute();
  const moved = contact(account, params[0] ?? '');
  moved.funnelId = funnel(body.funnel_id).uuid;
  return { contact: [contactJson(account, moved)] };
}

/** `meta` on the contact lists only when a test plays that reading (quirks.contactListMeta). */
export function listMeta(meta: { page: number; pages: number }, quirks: SandboxQuirks) {
  return quirks.contactListMeta === 'meta' ? { meta } : {};
}

// Callbell's examples answer `contact` as an object on some routes and as a one-element
// array on others; the app reads both. Each route below answers as its own doc's example
// (test/fixtures/callbell-docs/, checked by test/e2e/sandbox-examples.test.ts).
export const contactRoutes: Route[] = [
  // contacts_api/get_contacts.md: filters by source, team_uuid and tags (all of them, any
  // case: AND is the sandbox's reading, the docs do not say). Newest first is the sandbox's
  // order (the docs document no sort).
  route('GET', '/contacts', ({ account, query, quirks }) => {
    const tags = query.get('tags')?.toLowerCase().split(',').filter(Boolean) ?? [];
    const teamUuid = query.get('team_uuid');
    const contacts = [...account.contacts.values()]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .filter((candidate) => !query.get('source') || candidate.source === query.get('source'))
      .filter((candidate) => !teamUuid || candidate.teamUuid === teamUuid)
      .filter((candidate) =>
        tags.every((tag) => candidate.tags.some((own) => own.toLowerCase() === tag)),
      );
    const { items, meta } = paginate(contacts, query);
    const withTypes = query.get('include_field_types') === 'true';
    return {
      contacts: items.map((item) => contactJson(account, item, withTypes)),
      ...listMeta(meta, quirks),
    };
  }),
  // post_contacts.md answers the contact in a one-element list.
  route('POST', '/contacts', ({ account, body, quirks }) => ({
    contact: [contactJson(account, createContact(account, body, quirks.contactIdentifier))],
  })),
  // contacts_api/get_contact_by_phone.md
  route('GET', '/contacts/phone/:id', ({ account, params, query }) => ({
    contact: contactJson(
      account,
      contactByPhone(account, params[0] ?? '', query.get('channel_uuid')),
    ),
  })),
  // contacts_api/get_contact_by_bsuid.md
  route('GET', '/contacts/bsuid/:id', ({ account, params }) => ({
    contact: contactJson(account, contactByBsuid(account, params[0] ?? '')),
  })),
  // contacts_api/get_contact.md: a one-element list, as its examples.
  route('GET', '/contacts/:id', ({ account, params, query }) => ({
    contact: [
      contactJson(
        account,
        contact(account, params[0] ?? ''),
        query.get('include_field_types') === 'true',
      ),
    ],
  })),
  // contacts_api/patch_contacts.md: a one-element list, as its example.
  route('PATCH', '/contacts/:id', ({ account, params, body, quirks }) => {
    const uuid = params[0] ?? '';
    const changes = quirks.tags === 'add' ? withTagsAdded(contact(account, uuid), body) : body;
    const before = contactJson(account, contact(account, uuid));
    const after = contactJson(account, updateContact(account, uuid, changes, quirks.customFields));
    return { contact: [quirks.patchAnswer === 'before' ? before : after] };
  }),
  // contacts_api/delete_contact.md; the contact_deleted event
  // (webhooks/contact_events/contact_deleted.md).
  route('DELETE', '/contacts/:id', ({ account, hooks, params }) => {
    const deleted = contact(account, params[0] ?? '');
    account.contacts.delete(deleted.uuid);
    hooks.emit('contact_deleted', { uuid: deleted.uuid, deleted: new Date().toISOString() });
    return { status: 'contact was destroyed' };
  }),
  // post_contact_conversation_close.md answers an object, …_open.md a one-element list.
  route('POST', '/contacts/:id/conversation/close', ({ account, params }) => ({
    contact: contactJson(account, setConversation(account, params[0] ?? '', false)),
  })),
  route('POST', '/contacts/:id/conversation/open', ({ account, params }) => ({
    contact: [contactJson(account, setConversation(account, params[0] ?? '', true))],
  })),
  // contacts_api/put_contacts_conversation_update_funnel.md: the page's title says
  // PUT …/conversation/update_funnel, every snippet of it (_put_contact_conversation_update_funnel.mdx)
  // POST …/messages/update_funnel, with body {funnel_id}. Both are answered alike, unless a test
  // plays one reading alone (quirks.funnelRoutes).
  route('PUT', '/contacts/:id/conversation/update_funnel', (context) =>
    moveToFunnel(context, 'PUT only'),
  ),
  route('POST', '/contacts/:id/messages/update_funnel', (context) =>
    moveToFunnel(context, 'POST only'),
  ),
  // contacts_api/get_contact_bot.md
  route('GET', '/contacts/:id/bot', ({ account, params }) => ({
    bot: bot(account, params[0] ?? ''),
  })),
  route('POST', '/contacts/:id/bot', ({ account, params, body }) => ({
    bot: bot(account, params[0] ?? '', body),
  })),
];
