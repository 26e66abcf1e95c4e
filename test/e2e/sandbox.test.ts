import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { seed } from '../../sandbox/seed';
import { documentedDelivery } from '../helpers/fixtures';
import { startZapReceiver, useSandbox } from './helpers';

const sandbox = useSandbox();

/** The contact object as Callbell's API reference lists it. */
const DOCUMENTED_CONTACT_KEYS = [
  'uuid',
  'name',
  'phoneNumber',
  'avatarUrl',
  'blockedAt',
  'createdAt',
  'source',
  'funnelId',
  'closedAt',
  'href',
  'conversationHref',
  'tags',
  'assignedUser',
  'customFields',
  'team',
  'channel',
  'bsuid',
  'note',
];

async function call(method: string, path: string, body?: object, key = sandbox().apiKey) {
  const response = await fetch(`${sandbox().apiUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${key}`,
      Accept: 'application/json',
      'Content-Type': 'application/json',
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe('the sandbox answers like Callbell documents', () => {
  it('checks the Bearer key', async () => {
    await expect(call('GET', '/auth/me', undefined, 'test_wrong')).resolves.toMatchObject({
      status: 401,
    });
    const me = await call('GET', '/auth/me');
    expect(me.body).toEqual({
      status: 'ok',
      user_email: 'owner@example-shop.com',
      user_name: 'Sandbox Owner',
      api_key: sandbox().apiKey,
    });
  });

  it('gives contacts the documented keys, as an object or a one-element array', async () => {
    const one = await call('GET', `/contacts/${seed.contacts[0]?.uuid}`);
    expect(Object.keys(one.body.contact as object).sort()).toEqual(
      [...DOCUMENTED_CONTACT_KEYS].sort(),
    );
    const created = await call('POST', '/contacts', {
      identifier: '+34612345678',
      source: 'whatsapp',
      name: 'Lucía',
    });
    expect(Array.isArray(created.body.contact)).toBe(true);
    await expect(call('GET', '/contacts/phone/00000')).resolves.toMatchObject({ status: 404 });
  });

  it('paginates with meta {page, pages}', async () => {
    const list = await call('GET', '/contacts?page=1');
    expect(list.body.meta).toEqual({ page: 1, pages: 1 });
    const members = await call('GET', `/teams/${seed.teams[0]?.uuid}/members?page=1`);
    expect(members.body.meta).toEqual({ page: 1, pages: 1 });
  });

  it('refuses like Callbell: missing fields, unknown tags and custom fields, bad values, bad templates', async () => {
    await expect(call('POST', '/contacts', { source: 'whatsapp' })).resolves.toMatchObject({
      status: 422,
      body: { errors: { identifier: ["can't be blank"], name: ["can't be blank"] } },
    });
    await expect(
      call('POST', '/contacts', {
        identifier: '+34600000001',
        source: 'whatsapp',
        name: 'A',
        tags: ['Nope'],
        custom_fields: { Shoe: '42', Plan: 'Gold', Interests: 'Shoes' },
      }),
    ).resolves.toMatchObject({
      status: 422,
      body: {
        errors: {
          tags: ['Nope does not exist'],
          custom_fields: [
            'Custom field Shoe does not exist',
            'Plan is not a valid dropdown',
            'Interests is not a valid checkbox',
          ],
        },
      },
    });
    const template = seed.templates[1];
    await expect(
      call('POST', '/messages/send', {
        to: '+31612345678',
        from: 'whatsapp',
        type: 'text',
        template_uuid: template?.uuid,
        optin_contact: true,
        template_values: ['only one'],
      }),
    ).resolves.toMatchObject({ status: 422 });
    await expect(
      call('POST', '/messages/send', {
        to: '+31612345678',
        from: 'whatsapp',
        type: 'text',
        template_uuid: seed.templates[4]?.uuid,
        optin_contact: true,
        content: { text: 'x' },
      }),
    ).resolves.toMatchObject({ status: 422 });
  });

  it('keeps the 24-hour window for free-form WhatsApp messages', async () => {
    await expect(
      call('POST', '/messages/send', {
        to: '+5511987654321',
        from: 'whatsapp',
        type: 'text',
        content: { text: 'Hi' },
      }),
    ).resolves.toMatchObject({ status: 422 });
    const sent = await call('POST', '/messages/send', {
      to: '+31612345678',
      from: 'whatsapp',
      type: 'text',
      content: { text: 'Hi' },
    });
    expect(sent.body).toEqual({
      message: { uuid: expect.stringMatching(/^[0-9a-f]{32}$/), status: 'enqueued' },
    });
  });

  it('answers 429 with Retry-After over the rate limit', async () => {
    sandbox().setRateLimit(1);
    try {
      const answers = await Promise.all([
        call('GET', '/funnels'),
        call('GET', '/funnels'),
        call('GET', '/funnels'),
      ]);
      const throttled = answers.find((answer) => answer.status === 429);
      expect(throttled?.headers.get('retry-after')).toBe('1');
    } finally {
      sandbox().setRateLimit(300);
    }
  });

  it('keeps one webhook per account, refuses localhost, and delivers documented event shapes', async () => {
    await expect(
      call('POST', '/webhooks/subscribe', {
        url: 'https://localhost/hook',
        subscriptions: ['message_created'],
      }),
    ).resolves.toMatchObject({ status: 422 });
    const zap = await startZapReceiver();
    try {
      const events = readdirSync(join(__dirname, '..', 'fixtures', 'webhook-events')).map((file) =>
        file.replace('.json', ''),
      );
      const subscribed = await call('POST', '/webhooks/subscribe', {
        url: zap.url,
        subscriptions: events,
      });
      expect(subscribed.body).toEqual({
        webhook: {
          url: zap.url,
          subscriptions: events,
          createdAt: expect.any(String),
          enabled: true,
        },
      });

      const account = sandbox().account;
      const message = account.receive('+49 30 901820', 'Hallo');
      account.updateContact(account.contactByPhone('4930901820').uuid, { tags: ['Lead'] });
      const sent = await call('POST', '/messages/send', {
        to: '+4930901820',
        from: 'whatsapp',
        type: 'text',
        content: { text: 'Hi' },
      });
      account.advance(String((sent.body.message as { uuid: string }).uuid), 'read');
      account.setConversation(account.contactByPhone('4930901820').uuid, false);
      account.setConversation(account.contactByPhone('4930901820').uuid, true);
      await call('DELETE', `/contacts/${account.contactByPhone('4930901820').uuid}`);
      await sandbox().hooks.idle();
      expect(message.text).toBe('Hallo');

      const delivered = zap.bodies as { event: string; payload: Record<string, unknown> }[];
      for (const { event, payload } of delivered) {
        const documentedKeys = Object.keys(documentedDelivery(event).payload);
        const optional = [
          'messageLocation',
          'messageContactCard',
          'messageReplyButton',
          'messageInteractiveList',
          'closingReason',
          'closedAt',
        ];
        const required = documentedKeys.filter((key) => !optional.includes(key));
        expect({ event, missing: required.filter((key) => !(key in payload)) }).toEqual({
          event,
          missing: [],
        });
      }
      expect(delivered.map((body) => body.event)).toEqual([
        'contact_created',
        'message_created',
        'contact_updated',
        'message_created',
        'message_status_updated',
        'conversation_closed',
        'conversation_opened',
        'contact_deleted',
      ]);

      const log = await call(
        'GET',
        '/webhooks/events?subscriptions=message_created&page=1&items=10',
      );
      expect(log.body).toEqual({
        webhook_events: [
          expect.objectContaining({
            event: 'message_created',
            success: true,
            response: { body: '{"status":"ok"}', code: 200, headers: expect.any(Object) },
            createdAt: expect.any(String),
          }),
          expect.objectContaining({ event: 'message_created', success: true }),
        ],
        meta: { page: 1, pages: 1 },
      });
      await expect(call('DELETE', '/webhooks/unsubscribe')).resolves.toMatchObject({
        status: 200,
        body: { status: 'webhook was destroyed' },
      });
      await expect(call('DELETE', '/webhooks/unsubscribe')).resolves.toMatchObject({ status: 404 });
    } finally {
      await zap.stop();
    }
  });
});
