import { badRequest, invalid, notFound, SandboxError } from './errors';
import { newUuid, now } from './ids';
import { seed, type SeedContact, type SeedCustomField, type SeedTeam, type SeedUser } from './seed';
import type { WebhookHub } from './webhooks';

const DASH = 'https://dash.callbell.eu';
const HOUR = 3_600_000;
const PAGE_SIZE = 25;

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
  lastInboundAt: number | null;
}

export interface Message {
  uuid: string;
  contactUuid: string;
  status: string;
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

type Body = Record<string, unknown>;

export function paginate<T>(items: T[], page: number, size = PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(items.length / size));
  return { items: items.slice((page - 1) * size, page * size), meta: { page, pages } };
}

/** One Callbell account held in memory, with Callbell's documented rules. */
export class Account {
  readonly contacts = new Map<string, Contact>();
  readonly messages: Message[] = [];
  /** This account's own copies of what changes: collaborators and team memberships. */
  readonly users: SeedUser[] = structuredClone(seed.users);
  readonly teams: SeedTeam[] = structuredClone(seed.teams);

  constructor(private readonly hooks: WebhookHub) {
    for (const contact of seed.contacts) this.contacts.set(contact.uuid, seededContact(contact));
  }

  // ---- reads -------------------------------------------------------------------------

  contactJson(contact: Contact): Body {
    const team = this.teams.find((candidate) => candidate.uuid === contact.teamUuid);
    const channel = seed.channels.find((candidate) => candidate.uuid === contact.channelUuid);
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
      customFields: contact.customFields,
      team: team ? { uuid: team.uuid, name: team.name } : null,
      channel: channel ? { uuid: channel.uuid, title: channel.title, type: channel.type } : null,
      bsuid: contact.bsuid,
      note: contact.note,
    };
  }

  contact(uuid: string): Contact {
    const contact = this.contacts.get(uuid);
    if (!contact) throw notFound('Contact');
    return contact;
  }

  contactByPhone(digits: string): Contact {
    const contact = this.findByPhone(digits);
    if (!contact) throw notFound('Contact');
    return contact;
  }

  contactByBsuid(bsuid: string): Contact {
    const contact = [...this.contacts.values()].find((candidate) => candidate.bsuid === bsuid);
    if (!contact) throw notFound('Contact');
    return contact;
  }

  listContacts(): Contact[] {
    return [...this.contacts.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  contactMessages(uuid: string): Body[] {
    this.contact(uuid);
    return this.messages
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
  }

  message(uuid: string): Message {
    const message = this.messages.find(
      (candidate) => candidate.uuid === uuid && candidate.direction === 'sent',
    );
    if (!message) throw notFound('Message');
    return message;
  }

  // ---- contacts ----------------------------------------------------------------------

  createContact(body: Body): Contact {
    const errors: Record<string, string[]> = {};
    for (const field of ['identifier', 'source', 'name']) {
      if (typeof body[field] !== 'string' || !(body[field] as string).trim())
        errors[field] = ["can't be blank"];
    }
    const digits = String(body.identifier ?? '').replace(/\D/g, '');
    if (!errors.identifier && this.findByPhone(digits))
      errors.identifier = ['has already been taken'];
    this.checkContactFields(body, errors);
    if (Object.keys(errors).length) throw invalid(errors);
    const contact: Contact = {
      ...seededContact({
        uuid: newUuid(),
        name: String(body.name),
        phoneNumber: digits,
        source: body.source as SeedContact['source'],
        tags: [],
        customFields: {},
        createdAt: now(),
        lastWroteHoursAgo: null,
      }),
      channelUuid: typeof body.channel_uuid === 'string' ? body.channel_uuid : mainChannelUuid(),
    };
    this.applyContactFields(contact, body);
    this.contacts.set(contact.uuid, contact);
    this.emit('contact_created', this.contactJson(contact));
    return contact;
  }

  updateContact(uuid: string, body: Body): Contact {
    const contact = this.contact(uuid);
    const errors: Record<string, string[]> = {};
    if ('name' in body && (typeof body.name !== 'string' || !body.name.trim()))
      errors.name = ["can't be blank"];
    this.checkContactFields(body, errors);
    if (Object.keys(errors).length) throw invalid(errors);
    if (typeof body.name === 'string') contact.name = body.name;
    if (body.unassign_user === true) contact.assignedUser = null;
    this.applyContactFields(contact, body);
    this.emit('contact_updated', this.contactJson(contact));
    return contact;
  }

  setConversation(uuid: string, open: boolean): Contact {
    const contact = this.contact(uuid);
    contact.closedAt = open ? null : now();
    const conversation = {
      source: contact.source,
      href: `${DASH}/chat/${contact.uuid}`,
      contact: this.contactJson(contact),
      createdAt: contact.createdAt,
    };
    if (open) this.emit('conversation_opened', { ...conversation, createdAt: now() });
    else
      this.emit('conversation_closed', {
        ...conversation,
        closingReason: 'api',
        closedAt: contact.closedAt,
      });
    return contact;
  }

  moveToFunnel(uuid: string, body: Body): Contact {
    const contact = this.contact(uuid);
    if (!seed.funnels.some((funnel) => funnel.uuid === body.funnel_id)) throw notFound('Funnel');
    contact.funnelId = String(body.funnel_id);
    return contact;
  }

  addNote(uuid: string, body: Body): void {
    const contact = this.contact(uuid);
    if (typeof body.text !== 'string' || !body.text.trim())
      throw invalid({ text: ["can't be blank"] });
    this.messages.push(this.newMessage(contact, 'note', body.text, 'note'));
  }

  bot(uuid: string, body?: Body): Body {
    const contact = this.contact(uuid);
    if (body) {
      if (body.status !== 'bot_start' && body.status !== 'bot_end')
        throw invalid({ status: ['must be bot_start or bot_end'] });
      contact.botStatus = body.status;
    }
    return {
      uuid: 'b07b07b07b07b07b07b07b07b07b07b0',
      name: 'Order Assistant',
      status: contact.botStatus,
      conversationStartedAt: contact.createdAt,
      version: '3',
      latestBotVersion: '3',
    };
  }

  // ---- messages ----------------------------------------------------------------------

  /** POST /messages/send with Callbell's rules: recipient, templates, 24-hour window. */
  send(body: Body): { message: Message; contact: Contact } {
    const contact = this.recipient(body);
    const isTemplate = body.template_uuid !== undefined;
    const text = isTemplate ? this.templateText(body) : this.freeFormText(body, contact);
    checkMetadata(body.metadata);
    const message = this.newMessage(contact, 'sent', text, 'enqueued');
    const content = (body.content ?? {}) as Body;
    if (typeof content.url === 'string') message.attachments = [content.url];
    if (body.metadata) message.metadata = body.metadata as Record<string, string>;
    this.applyContactFields(contact, {
      assigned_user: body.assigned_user,
      team_uuid: body.team_uuid,
      bot_status: body.bot_status,
    });
    this.messages.push(message);
    this.emit('message_created', this.messageCreatedPayload(message, contact));
    return { message, contact };
  }

  /** The customer writes in: a received message (and a new contact if the number is new). */
  receive(phone: string, text: string): Message {
    const digits = phone.replace(/\D/g, '');
    const contact =
      this.findByPhone(digits) ??
      this.createContact({ identifier: digits, source: 'whatsapp', name: `+${digits}` });
    contact.lastInboundAt = Date.now();
    if (contact.closedAt) this.setConversation(contact.uuid, true);
    const message = this.newMessage(contact, 'received', text, 'received');
    message.from = contact.phoneNumber;
    message.to = mainChannelPhone();
    this.messages.push(message);
    this.emit('message_created', this.messageCreatedPayload(message, contact));
    return message;
  }

  /** A status change of a sent message, as the WhatsApp provider reports it. */
  advance(uuid: string, status: string, reason?: string): Message {
    const message = this.message(uuid);
    message.status = status;
    message.statusPayload =
      status === 'failed'
        ? {
            type: 'failed',
            payload: { code: 1002, reason: reason ?? 'Number Does Not Exists On WhatsApp' },
          }
        : { type: status, payload: { ts: Math.floor(Date.now() / 1000) } };
    const contact = this.contact(message.contactUuid);
    this.emit('message_status_updated', {
      uuid: message.uuid,
      status,
      contact: this.contactJson(contact),
      ...(message.metadata ? { metadata: message.metadata } : {}),
      messageStatusPayload: message.statusPayload,
    });
    return message;
  }

  // ---- team members ------------------------------------------------------------------

  /** A collaborator becomes available or unavailable. */
  setAgentStatus(email: string, available: boolean): SeedUser {
    const user = this.agent(email);
    user.available = available;
    user.lastUpdatedAt = now();
    this.emit('agent_status_updated', { ...user });
    return user;
  }

  /** A collaborator logs in or out of Callbell. */
  agentSession(
    email: string,
    action: 'user_logged_in' | 'user_logged_out' | 'system_logged_out',
  ): void {
    this.emit('agent_session_updated', { action, user: { ...this.agent(email) } });
  }

  /** A collaborator joins or leaves a team. */
  teamMembership(teamUuid: string, email: string, reason: 'agent_added' | 'agent_removed'): void {
    const team = this.teams.find((candidate) => candidate.uuid === teamUuid);
    if (!team) throw notFound('Team');
    const user = this.agent(email);
    team.memberEmails =
      reason === 'agent_added'
        ? [...new Set([...team.memberEmails, email])]
        : team.memberEmails.filter((member) => member !== email);
    const { memberEmails, ...teamJson } = team;
    this.emit('team_membership_updated', {
      team: { ...teamJson, members: memberEmails.length },
      user: { email: user.email, available: user.available, lastUpdateAt: user.lastUpdatedAt },
      reason,
      lastUpdateAt: now(),
    });
  }

  // ---- internals ---------------------------------------------------------------------

  private agent(email: string): SeedUser {
    const user = this.users.find((candidate) => candidate.email === email);
    if (!user) throw notFound('User');
    return user;
  }

  private emit(event: Parameters<WebhookHub['emit']>[0], payload: Body) {
    this.hooks.emit(event, payload);
  }

  private findByPhone(digits: string): Contact | undefined {
    return [...this.contacts.values()].find((contact) => contact.phoneNumber === digits);
  }

  private recipient(body: Body): Contact {
    if (typeof body.from !== 'string' || !body.from) throw invalid({ from: ["can't be blank"] });
    if (typeof body.to === 'string' && body.to.trim()) {
      const digits = body.to.replace(/\D/g, '');
      if (body.from === 'whatsapp' && !/^\d{8,15}$/.test(digits))
        throw invalid({ to: ['is not a valid phone number'] });
      return (
        this.findByPhone(digits) ??
        this.createContact({ identifier: digits, source: body.from, name: `+${digits}` })
      );
    }
    if (typeof body.bsuid === 'string' && body.bsuid) return this.contactByBsuid(body.bsuid);
    throw invalid({ to: ["can't be blank"] });
  }

  private freeFormText(body: Body, contact: Contact): string {
    const content = (body.content ?? {}) as Body;
    const type = String(body.type ?? '');
    if (!['text', 'image', 'document', 'audio', 'video'].includes(type))
      throw invalid({ type: ['is not a valid message type'] });
    if (type === 'text' && (typeof content.text !== 'string' || !content.text))
      throw invalid({ content: ['text is required for text messages'] });
    if (type !== 'text' && typeof content.url !== 'string')
      throw invalid({ content: ['url is required for media messages'] });
    const windowOpen =
      contact.lastInboundAt !== null && Date.now() - contact.lastInboundAt < 24 * HOUR;
    if (contact.source === 'whatsapp' && !windowOpen) {
      throw new SandboxError(422, {
        error:
          'Outside of the 24 hour window: the contact has not written in the last 24 hours. Send a template message instead.',
      });
    }
    return typeof content.text === 'string' ? content.text : '';
  }

  private templateText(body: Body): string {
    const template = seed.templates.find((candidate) => candidate.uuid === body.template_uuid);
    if (!template) throw notFound('Template');
    if (template.status !== 'approved')
      throw invalid({
        template_uuid: [`template is ${template.status}, only approved templates can be sent`],
      });
    if (body.optin_contact !== true)
      throw invalid({ optin_contact: ['must be true to send a template message'] });
    const placeholders = [...new Set(template.text.match(/\{\{\d+\}\}/g) ?? [])];
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
    if (template.templateType !== 'text' && typeof content.url !== 'string')
      throw invalid({ content: ['url is required for a media template'] });
    return values.reduce<string>(
      (text, value, index) => text.split(`{{${index + 1}}}`).join(String(value)),
      template.text,
    );
  }

  private checkContactFields(body: Body, errors: Record<string, string[]>) {
    const tags = body.tags;
    if (tags !== undefined) {
      const unknown = (Array.isArray(tags) ? tags : [tags]).filter(
        (tag) => !seed.tags.some((known) => known.toLowerCase() === String(tag).toLowerCase()),
      );
      if (unknown.length) errors.tags = unknown.map((tag) => `${String(tag)} does not exist`);
    }
    const customFields = body.custom_fields;
    if (customFields !== undefined) {
      const problems = Object.entries(customFields as Body).flatMap(([name, value]) =>
        customFieldProblem(name, value),
      );
      if (problems.length) errors.custom_fields = problems;
    }
    if (
      body.assigned_user !== undefined &&
      !this.users.some((user) => user.email === body.assigned_user)
    ) {
      errors.assigned_user = [
        `${String(body.assigned_user)} is not a collaborator of this account`,
      ];
    }
    if (body.team_uuid !== undefined && !this.teams.some((team) => team.uuid === body.team_uuid))
      errors.team_uuid = ['team not found'];
    if (typeof body.note === 'string' && body.note.length > 1000)
      errors.note = ['is too long (maximum is 1000 characters)'];
  }

  private applyContactFields(contact: Contact, body: Body) {
    if (Array.isArray(body.tags))
      contact.tags = body.tags.map(
        (tag) =>
          seed.tags.find((known) => known.toLowerCase() === String(tag).toLowerCase()) ??
          String(tag),
      );
    if (body.custom_fields)
      contact.customFields = {
        ...contact.customFields,
        ...(body.custom_fields as Record<string, string>),
      };
    if (typeof body.assigned_user === 'string') contact.assignedUser = body.assigned_user;
    if (typeof body.team_uuid === 'string') contact.teamUuid = body.team_uuid;
    if (body.bot_status === 'bot_start' || body.bot_status === 'bot_end')
      contact.botStatus = body.bot_status;
    if (typeof body.note === 'string') contact.note = body.note || null;
  }

  private newMessage(
    contact: Contact,
    direction: Message['direction'],
    text: string,
    status: string,
  ): Message {
    return {
      uuid: newUuid(),
      contactUuid: contact.uuid,
      status,
      direction,
      text,
      attachments: [],
      channel: contact.source,
      from: mainChannelPhone(),
      to: contact.phoneNumber,
      createdAt: now(),
      statusPayload: {},
    };
  }

  private messageCreatedPayload(message: Message, contact: Contact): Body {
    return {
      to: message.to,
      from: message.from,
      text: message.text,
      attachments: message.attachments,
      status: message.direction,
      channel: message.channel,
      contact: this.contactJson(contact),
      createdAt: message.createdAt,
      ...(message.metadata ? { metadata: message.metadata } : {}),
    };
  }
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

function mainChannelUuid(): string {
  return seed.channels.find((channel) => channel.main)?.uuid ?? '';
}

function mainChannelPhone(): string {
  return '31201234567';
}

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
