import type { Account } from '../account';
import {
  badRequest,
  control,
  invalid,
  notFound,
  paginate,
  route,
  SandboxError,
  type Route,
} from '../http';
import { newUuid, now } from '../ids';
import type { SandboxQuirks } from '../quirks';
import { isActiveChannel, mainChannelPhone } from './channels';
import {
  applyContactFields,
  contact,
  contactByBsuid,
  contactJson,
  createContact,
  DASH,
  findByPhone,
  HOUR,
  listMeta,
  setConversation,
  type Contact,
} from './contacts';
import { template } from './templates';

// Docs named here are in callbellchat/callbell-public-docs, under docs/api/reference/.

type Body = Record<string, unknown>;

export interface Message {
  uuid: string;
  contactUuid: string;
  status: string;
  /** sent, received or note: a message's `status` in object_types/message.md. */
  direction: 'sent' | 'received' | 'note';
  text: string;
  attachments: string[];
  channel: string;
  from: string;
  to: string;
  createdAt: string;
  metadata?: Record<string, string>;
  statusPayload: Record<string, unknown>;
}

function newMessage(
  owner: Contact,
  direction: Message['direction'],
  text: string,
  status: string,
): Message {
  return {
    uuid: newUuid(),
    contactUuid: owner.uuid,
    status,
    direction,
    text,
    attachments: [],
    channel: owner.source,
    from: mainChannelPhone(),
    to: owner.phoneNumber,
    createdAt: now(),
    statusPayload: {},
  };
}

/**
 * The provider's raw status payload, keyed as get_message_status.md's example (enqueued) and
 * message_status_updated.md's (later statuses) show it; the ids are the sandbox's.
 */
function providerPayload(message: Message, type: string, payload: Body): Body {
  return { id: `gBG${message.uuid.slice(0, 24)}`, type, payload, destination: message.to };
}

/** The message_created payload (webhooks/message_events/message_created.md). */
function messageCreatedPayload(account: Account, message: Message, owner: Contact): Body {
  return {
    to: message.to,
    from: message.from,
    text: message.text,
    attachments: message.attachments,
    status: message.direction,
    channel: message.channel,
    contact: contactJson(account, owner),
    createdAt: message.createdAt,
    ...(message.metadata ? { metadata: message.metadata } : {}),
  };
}

// ---- sending (messages_api/post_send_messages.md) -------------------------------------

/**
 * POST /messages/send with Callbell's rules: the Required Parameters (`from`, `type`,
 * `content`, `channel_uuid`), recipient, templates, 24-hour window.
 */
function send(
  account: Account,
  body: Body,
  quirks: SandboxQuirks,
): { message: Message; contact: Contact } {
  checkRequired(body, quirks);
  const recipient = recipientOf(account, body);
  const isTemplate = body.template_uuid !== undefined;
  const text = isTemplate ? templateText(body, quirks) : freeFormText(body, recipient, quirks);
  checkMetadata(body.metadata);
  const message = newMessage(recipient, 'sent', text, 'enqueued');
  message.statusPayload = providerPayload(message, 'enqueued', {
    type: 'session',
    whatsappMessageId: `wamid.${message.uuid}`,
  });
  const content = (body.content ?? {}) as Body;
  // "When `template_values` are valid, the values inside `content` will be ignored": the file
  // too, when a test plays that reading (quirks.severalValuesMedia).
  const contentIgnored =
    Array.isArray(body.template_values) && quirks.severalValuesMedia === 'dropped';
  if (typeof content.url === 'string' && !contentIgnored) message.attachments = [content.url];
  if (body.metadata) message.metadata = body.metadata as Record<string, string>;
  // Sending can also assign the conversation and set the bot's status.
  applyContactFields(recipient, {
    assigned_user: body.assigned_user,
    team_uuid: body.team_uuid,
    bot_status: body.bot_status,
  });
  account.messages.push(message);
  account.hooks.emit('message_created', messageCreatedPayload(account, message, recipient));
  return { message, contact: recipient };
}

/**
/**
 * The Required Parameters table of post_send_messages.md: `from`, `type`, `content` and, since
 * October 2024, `channel_uuid` ("The message will be sent from this channel"). Most snippets
 * predate that and omit it; the table is the rule, unless a test plays the other reading
 * (quirks.sendWithoutChannelUuid: sent from the main channel). That the channel must be one of
 * the account's active channels is the sandbox's assumption.
 */
function checkRequired(body: Body, quirks: SandboxQuirks) {
  const errors: Record<string, string[]> = {};
  if (typeof body.from !== 'string' || !body.from) errors.from = ["can't be blank"];
  if (typeof body.type !== 'string' || !body.type) errors.type = ["can't be blank"];
  if (typeof body.content !== 'object' || body.content === null || Array.isArray(body.content))
    errors.content = ["can't be blank"];
  if (typeof body.channel_uuid !== 'string' || !body.channel_uuid) {
    if (quirks.sendWithoutChannelUuid === 'refused') errors.channel_uuid = ["can't be blank"];
  } else if (!isActiveChannel(body.channel_uuid))
    errors.channel_uuid = ['is not an active channel of this account'];
  if (Object.keys(errors).length) throw invalid(errors);
}

/** The contact in a send's answer, as the Contact object or as the page's example. */
function answerContact(account: Account, recipient: Contact, quirks: SandboxQuirks): Body {
  const json = contactJson(account, recipient);
  if (quirks.sendAnswerContact === 'contact object') return json;
  return { uuid: json.uuid, name: json.name, phone: `+${recipient.phoneNumber}`, email: null };
}

/** `to` (which wins) or `bsuid` names the recipient (post_send_messages.md). */
function recipientOf(account: Account, body: Body): Contact {
  if (typeof body.from !== 'string' || !body.from) throw invalid({ from: ["can't be blank"] });
  if (typeof body.to === 'string' && body.to.trim()) {
    const digits = body.to.replace(/\D/g, '');
    // 8 to 15 digits is the sandbox's own check, not in Callbell's docs.
    if (body.from === 'whatsapp' && !/^\d{8,15}$/.test(digits))
      throw invalid({ to: ['is not a valid phone number'] });
    // A number the account does not know yet becomes a contact (the sandbox's assumption).
    return (
      findByPhone(account, digits) ??
      createContact(account, { identifier: digits, source: body.from, name: `+${digits}` })
    );
  }
  if (typeof body.bsuid === 'string' && body.bsuid) return contactByBsuid(account, body.bsuid);
  throw invalid({ to: ["can't be blank"] });
}

/**
 * The `type` values the send snippets use. MessageType is never defined; the audio and video
 * snippets (`_post_messages_audio.mdx`, `_post_messages_video.mdx`) send `document`, `video`
 * appears only in `_post_messages_template_video.mdx`, and `audio` appears nowhere.
 */
const MESSAGE_TYPES = ['text', 'image', 'document'];
const TEMPLATE_TYPES = ['text', 'image', 'document', 'video'];

/**
 * A text or media message (media by `content.url`, an image's caption in `content.text`),
 * allowed on WhatsApp only within 24 hours of the contact's last message.
 */
function freeFormText(body: Body, recipient: Contact, quirks: SandboxQuirks): string {
  const content = (body.content ?? {}) as Body;
  const type = String(body.type ?? '');
  const types =
    quirks.audioAndVideo === 'message types' ? [...MESSAGE_TYPES, 'audio', 'video'] : MESSAGE_TYPES;
  if (!types.includes(type)) throw invalid({ type: ['is not a valid message type'] });
  if (type === 'text' && (typeof content.text !== 'string' || !content.text))
    throw invalid({ content: ['text is required for text messages'] });
  if (type !== 'text' && typeof content.url !== 'string')
    throw invalid({ content: ['url is required for media messages'] });
  const windowOpen =
    recipient.lastInboundAt !== null && Date.now() - recipient.lastInboundAt < 24 * HOUR;
  if (recipient.source === 'whatsapp' && !windowOpen) {
    throw new SandboxError(422, {
      error:
        'Outside of the 24 hour window: the contact has not written in the last 24 hours. Send a template message instead.',
    });
  }
  return typeof content.text === 'string' ? content.text : '';
}

/**
 * A template message: an approved template (also template_messages_api/introduction.md),
 * `optin_contact`, one value per placeholder (`content.text` for one, `template_values` for
 * several) and `content.url` for a media template.
 */
function templateText(body: Body, quirks: SandboxQuirks): string {
  const chosen = template(body.template_uuid);
  if (!TEMPLATE_TYPES.includes(String(body.type)))
    throw invalid({ type: ['is not a valid message type'] });
  // The media snippets send the template's own type (_post_messages_template_image.mdx…); no
  // page says another type is refused (quirks.mediaTemplateType).
  if (
    quirks.mediaTemplateType === 'must match' &&
    chosen.templateType !== 'text' &&
    body.type !== chosen.templateType
  )
    throw invalid({ type: [`must be ${chosen.templateType} for this template`] });
  if (chosen.status !== 'approved')
    throw invalid({
      template_uuid: [`template is ${chosen.status}, only approved templates can be sent`],
    });
  if (body.optin_contact !== true)
    throw invalid({ optin_contact: ['must be true to send a template message'] });
  const placeholders = [...new Set(chosen.text.match(/\{\{\d+\}\}/g) ?? [])];
  const content = (body.content ?? {}) as Body;
  const values =
    placeholders.length > 1
      ? body.template_values
      : placeholders.length === 1
        ? [content.text]
        : [];
  if (
    !Array.isArray(values) ||
    values.length !== placeholders.length ||
    values.some((value) => typeof value !== 'string' || !value)
  ) {
    throw invalid({
      template_values: [`the template has ${placeholders.length} placeholder(s)`],
    });
  }
  if (chosen.templateType !== 'text' && typeof content.url !== 'string')
    throw invalid({ content: ['url is required for a media template'] });
  return values.reduce<string>(
    (text, value, index) => text.split(`{{${index + 1}}}`).join(String(value)),
    chosen.text,
  );
}

/** "Metadata Limitations": at most 10 keys of at most 50 characters, string values up to 500. */
function checkMetadata(metadata: unknown) {
  if (metadata === undefined) return;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata))
    throw badRequest('metadata must be an object');
  const entries = Object.entries(metadata);
  if (entries.length > 10) throw invalid({ metadata: ['can have at most 10 keys'] });
  for (const [key, value] of entries) {
    if (key.length > 50) throw invalid({ metadata: [`key ${key} is longer than 50 characters`] });
    if (typeof value !== 'string' || value.length > 500)
      throw invalid({ metadata: [`value of ${key} must be a string of at most 500 characters`] });
  }
}

// ---- what the customer and the WhatsApp provider do ------------------------------------

/** The customer writes in: a received message (and a new contact if the number is new). */
export function receive(account: Account, phone: string, text: string): Message {
  const digits = phone.replace(/\D/g, '');
  const sender =
    findByPhone(account, digits) ??
    createContact(account, { identifier: digits, source: 'whatsapp', name: `+${digits}` });
  sender.lastInboundAt = Date.now();
  // A closed conversation reopens when the customer writes (the sandbox's assumption).
  if (sender.closedAt) setConversation(account, sender.uuid, true);
  const message = newMessage(sender, 'received', text, 'received');
  message.from = sender.phoneNumber;
  message.to = mainChannelPhone();
  account.messages.push(message);
  account.hooks.emit('message_created', messageCreatedPayload(account, message, sender));
  return message;
}

/**
 * A status change of a sent message, as the WhatsApp provider reports it: the
 * message_status_updated event (webhooks/message_events/message_status_updated.md), which
 * names the reason of a failure. Code 1002 and the default reason are the sandbox's.
 */
export function advance(account: Account, uuid: string, status: string, reason?: string): Message {
  const message = sentMessage(account, uuid);
  message.status = status;
  message.statusPayload = providerPayload(
    message,
    status,
    status === 'failed'
      ? { code: 1002, reason: reason ?? 'Number Does Not Exists On WhatsApp' }
      : { ts: Math.floor(Date.now() / 1000) },
  );
  const owner = contact(account, message.contactUuid);
  account.hooks.emit('message_status_updated', {
    uuid: message.uuid,
    status,
    contact: contactJson(account, owner),
    ...(message.metadata ? { metadata: message.metadata } : {}),
    messageStatusPayload: message.statusPayload,
  });
  return message;
}

/** Only outgoing messages have a status (message_status_updated.md). */
function sentMessage(account: Account, uuid: string): Message {
  const found = account.messages.find(
    (candidate) => candidate.uuid === uuid && candidate.direction === 'sent',
  );
  if (!found) throw notFound('Message');
  return found;
}

export const messageRoutes: Route[] = [
  // The answer is the MessageSendRequest (object_types/message_send_request.md), with the
  // contact and the conversation when `fields` asks for them.
  route('POST', '/messages/send', ({ account, body, query, quirks }) => {
    const { message, contact: recipient } = send(account, body, quirks);
    // `fields` is listed with the body parameters and the 2024-09-24 release note says
    // "request body", while the example headings read like a query: both are accepted.
    const fields = String(body.fields ?? query.get('fields') ?? '').split(',');
    return {
      message: {
        uuid: message.uuid,
        status: message.status,
        ...(fields.includes('contact')
          ? { contact: answerContact(account, recipient, quirks) }
          : {}),
        ...(fields.includes('conversation')
          ? {
              conversation: {
                href: `${DASH}/chat/${recipient.uuid}`,
                source: recipient.source,
                createdAt: recipient.createdAt,
              },
            }
          : {}),
      },
    };
  }),
  // messages_api/get_message_status.md
  route('GET', '/messages/status/:id', ({ account, params }) => {
    const message = sentMessage(account, params[0] ?? '');
    return {
      message: {
        uuid: message.uuid,
        status: message.status,
        messageStatusPayload: message.statusPayload,
      },
    };
  }),
  // contacts_api/get_contact_messages.md: newest first, paginated; a note has no uuid, as in
  // the doc's example.
  route('GET', '/contacts/:id/messages', ({ account, params, query, quirks }) => {
    const uuid = contact(account, params[0] ?? '').uuid;
    const messages = account.messages
      .filter((message) => message.contactUuid === uuid)
      .reverse()
      .map((message) => ({
        ...(message.direction === 'note' ? {} : { uuid: message.uuid }),
        text: message.text,
        createdAt: message.createdAt,
        status: message.direction,
        channel: message.channel,
        from: message.from,
        to: message.to,
      }));
    const { items, meta } = paginate(messages, query);
    return { messages: items, ...listMeta(meta, quirks) };
  }),
  // contacts_api/post_contact_conversation_create_note.md: `text` is required.
  route('POST', '/contacts/:id/conversation/note', ({ account, params, body }) => {
    const owner = contact(account, params[0] ?? '');
    if (typeof body.text !== 'string' || !body.text.trim())
      throw invalid({ text: ["can't be blank"] });
    account.messages.push(newMessage(owner, 'note', body.text, 'note'));
    return { success: true };
  }),

  // Not Callbell's API: the customer writes in, the provider reports a status. Both answer
  // once the webhook deliveries they cause are answered.
  control('POST', 'customer-message', async ({ account, hooks, body }) => {
    const message = receive(account, String(body.phone ?? ''), String(body.text ?? ''));
    await hooks.idle();
    return { message: { uuid: message.uuid, text: message.text } };
  }),
  control('POST', 'message-status', async ({ account, hooks, body }) => {
    const message = advance(
      account,
      String(body.uuid ?? ''),
      String(body.status ?? ''),
      body.reason as string | undefined,
    );
    await hooks.idle();
    return { message: { uuid: message.uuid, status: message.status } };
  }),
];
