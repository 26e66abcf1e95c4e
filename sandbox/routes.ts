import { paginate, type Account } from './account';
import { notFound } from './errors';
import { seed } from './seed';
import type { WebhookHub } from './webhooks';

export interface RouteContext {
  params: string[];
  query: URLSearchParams;
  body: Record<string, unknown>;
  account: Account;
  hooks: WebhookHub;
  /** The key the request was made with (Callbell echoes it from /auth/me). */
  apiKey: string;
}

interface Route {
  method: string;
  path: RegExp;
  handle: (context: RouteContext) => unknown;
  status?: number;
}

const ID = '([^/]+)';
const route = (method: string, path: string, handle: Route['handle'], status?: number): Route => ({
  method,
  path: new RegExp(`^/v1${path.replaceAll(':id', ID)}$`),
  handle,
  status,
});

const page = (query: URLSearchParams) => Math.max(1, Number(query.get('page') ?? 1) || 1);

/** Callbell API v1 as the app uses it, answered the way Callbell documents it. */
export const ROUTES: Route[] = [
  route('GET', '/auth/me', ({ apiKey }) => ({ status: 'ok', ...seed.account, api_key: apiKey })),

  route('GET', '/contacts', ({ account, query }) => {
    const tags = query.get('tags')?.toLowerCase().split(',').filter(Boolean) ?? [];
    const contacts = account
      .listContacts()
      .filter((contact) => !query.get('source') || contact.source === query.get('source'))
      .filter((contact) =>
        tags.every((tag) => contact.tags.some((own) => own.toLowerCase() === tag)),
      );
    const { items, meta } = paginate(contacts, page(query));
    return { contacts: items.map((contact) => account.contactJson(contact)), meta };
  }),
  route('POST', '/contacts', ({ account, body }) => ({
    contact: [account.contactJson(account.createContact(body))],
  })),
  route('GET', '/contacts/phone/:id', ({ account, params }) => ({
    contact: account.contactJson(account.contactByPhone(params[0] ?? '')),
  })),
  route('GET', '/contacts/bsuid/:id', ({ account, params }) => ({
    contact: account.contactJson(account.contactByBsuid(params[0] ?? '')),
  })),
  route('GET', '/contacts/:id', ({ account, params }) => ({
    contact: account.contactJson(account.contact(params[0] ?? '')),
  })),
  route('PATCH', '/contacts/:id', ({ account, params, body }) => ({
    contact: account.contactJson(account.updateContact(params[0] ?? '', body)),
  })),
  route('DELETE', '/contacts/:id', ({ account, hooks, params }) => {
    const contact = account.contact(params[0] ?? '');
    account.contacts.delete(contact.uuid);
    hooks.emit('contact_deleted', { uuid: contact.uuid, deleted: new Date().toISOString() });
    return { status: 'contact was destroyed' };
  }),
  route('GET', '/contacts/:id/messages', ({ account, params, query }) => {
    const { items, meta } = paginate(account.contactMessages(params[0] ?? ''), page(query));
    return { messages: items, meta };
  }),
  route('POST', '/contacts/:id/conversation/close', ({ account, params }) => ({
    contact: [account.contactJson(account.setConversation(params[0] ?? '', false))],
  })),
  route('POST', '/contacts/:id/conversation/open', ({ account, params }) => ({
    contact: account.contactJson(account.setConversation(params[0] ?? '', true)),
  })),
  route('POST', '/contacts/:id/conversation/note', ({ account, params, body }) => {
    account.addNote(params[0] ?? '', body);
    return { success: true };
  }),
  route('PUT', '/contacts/:id/conversation/update_funnel', ({ account, params, body }) => ({
    contact: [account.contactJson(account.moveToFunnel(params[0] ?? '', body))],
  })),
  route('GET', '/contacts/:id/bot', ({ account, params }) => ({
    bot: account.bot(params[0] ?? ''),
  })),
  route('POST', '/contacts/:id/bot', ({ account, params, body }) => ({
    bot: account.bot(params[0] ?? '', body),
  })),

  route('POST', '/messages/send', ({ account, body }) => {
    const { message, contact } = account.send(body);
    const fields = String(body.fields ?? '').split(',');
    return {
      message: {
        uuid: message.uuid,
        status: message.status,
        ...(fields.includes('contact') ? { contact: account.contactJson(contact) } : {}),
        ...(fields.includes('conversation')
          ? {
              conversation: {
                href: `https://dash.callbell.eu/chat/${contact.uuid}`,
                source: contact.source,
                createdAt: contact.createdAt,
              },
            }
          : {}),
      },
    };
  }),
  route('GET', '/messages/status/:id', ({ account, params }) => {
    const message = account.message(params[0] ?? '');
    return {
      message: {
        uuid: message.uuid,
        status: message.status,
        messageStatusPayload: message.statusPayload,
      },
    };
  }),

  route('GET', '/channels', ({ query }) => {
    const active = query.get('active');
    const channels = seed.channels.filter(
      (channel) => active === null || (active === 'true') === (channel.discardedAt === null),
    );
    const { items, meta } = paginate(channels, page(query));
    return { channels: items, meta };
  }),
  route('GET', '/templates', ({ query }) => {
    const { items, meta } = paginate(seed.templates, page(query));
    return { templates: items, meta };
  }),
  route('GET', '/templates/:id', ({ params }) => {
    const template = seed.templates.find((candidate) => candidate.uuid === params[0]);
    if (!template) throw notFound('Template');
    return { template };
  }),
  route('GET', '/teams', ({ account, query }) => {
    const teams = account.teams.map(({ memberEmails, ...team }) => ({
      ...team,
      members: memberEmails.length,
    }));
    const { items, meta } = paginate(teams, page(query));
    return { teams: items, meta };
  }),
  route('GET', '/teams/:id/members', ({ account, params, query }) => {
    const team = account.teams.find((candidate) => candidate.uuid === params[0]);
    if (!team) throw notFound('Team');
    const users = account.users.filter((user) => team.memberEmails.includes(user.email));
    const { items, meta } = paginate(users, page(query), 2);
    return { users: items, meta };
  }),
  route('GET', '/funnels', () => ({ funnels: seed.funnels })),

  route('POST', '/webhooks/subscribe', ({ hooks, body }) => ({ webhook: hooks.subscribe(body) })),
  route('DELETE', '/webhooks/unsubscribe', ({ hooks }) => {
    hooks.unsubscribe();
    return { status: 'webhook was destroyed' };
  }),
  route('GET', '/webhooks/events', ({ hooks, query }) => {
    const events = query.get('subscriptions')?.split(',').filter(Boolean);
    const status = query.get('status');
    const items = Number(query.get('items') ?? 25) || 25;
    const log = hooks.log
      .filter((delivery) => !events || events.includes(delivery.event))
      .filter((delivery) => !status || (status === 'success') === delivery.success);
    const { items: webhook_events, meta } = paginate(log, page(query), items);
    return { webhook_events, meta };
  }),
];
