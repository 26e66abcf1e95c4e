import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { seed } from '../../sandbox/callbell/seed';
import { DOCUMENTED_CONTACT_KEYS, documentedDelivery } from '../helpers/fixtures';
import { startZapReceiver, useSandbox } from './helpers';

const sandbox = useSandbox();
const MAIN_CHANNEL = seed.channels[0]?.uuid ?? '';

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

  it('takes any key the account created, as a Bearer token, until it is revoked; /auth/me echoes the one used', async () => {
    const created = sandbox().createApiKey();
    await expect(call('GET', '/auth/me', undefined, created)).resolves.toMatchObject({
      status: 200,
      body: { api_key: created },
    });
    const bare = await fetch(`${sandbox().apiUrl}/auth/me`, {
      headers: { Authorization: created },
    });
    expect(bare.status).toBe(401);
    sandbox().revokeApiKey(created);
    await expect(call('GET', '/auth/me', undefined, created)).resolves.toMatchObject({
      status: 401,
    });
    await expect(call('GET', '/auth/me')).resolves.toMatchObject({ status: 200 });
  });

  it('gives contacts the documented keys, as an object or a one-element array', async () => {
    const one = await call('GET', `/contacts/${seed.contacts[0]?.uuid}`);
    // A one-element list, as get_contact.md's example.
    expect(Object.keys((one.body.contact as object[])[0] ?? {}).sort()).toEqual(
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

  it('paginates with meta {page, pages} where the examples show it, not on contacts', async () => {
    const list = await call('GET', '/contacts?page=1');
    // get_contacts.md's example has no meta.
    expect(list.body).not.toHaveProperty('meta');
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
        channel_uuid: MAIN_CHANNEL,
        template_uuid: template?.uuid,
        optin_contact: true,
        content: { text: 'only one' },
        template_values: ['only one'],
      }),
    ).resolves.toMatchObject({ status: 422 });
    await expect(
      call('POST', '/messages/send', {
        to: '+31612345678',
        from: 'whatsapp',
        type: 'text',
        channel_uuid: MAIN_CHANNEL,
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
        channel_uuid: MAIN_CHANNEL,
        content: { text: 'Hi' },
      }),
    ).resolves.toMatchObject({ status: 422 });
    const sent = await call('POST', '/messages/send', {
      to: '+31612345678',
      from: 'whatsapp',
      type: 'text',
      channel_uuid: MAIN_CHANNEL,
      content: { text: 'Hi' },
    });
    expect(sent.body).toEqual({
      message: { uuid: expect.stringMatching(/^[0-9a-f]{32}$/), status: 'enqueued' },
    });
  });

  it('requires channel_uuid on sends (the Required Parameters of post_send_messages.md)', async () => {
    const text = { to: '+31612345678', from: 'whatsapp', type: 'text', content: { text: 'Hi' } };
    await expect(call('POST', '/messages/send', text)).resolves.toMatchObject({
      status: 422,
      body: { errors: { channel_uuid: ["can't be blank"] } },
    });
    await expect(
      call('POST', '/messages/send', { ...text, channel_uuid: seed.channels[2]?.uuid }),
    ).resolves.toMatchObject({
      status: 422,
      body: { errors: { channel_uuid: ['is not an active channel of this account'] } },
    });
    await expect(
      call('POST', '/messages/send', { to: '+31612345678', from: 'whatsapp', type: 'text' }),
    ).resolves.toMatchObject({ status: 422, body: { errors: { content: ["can't be blank"] } } });
  });

  // The snippets' bodies (src/snippets/curl/messages_api/), each with the channel the
  // Required Parameters ask for.
  it.each([
    [
      '_post_messages_image_caption',
      'image',
      { url: 'https://example.com/my_image.jpeg', text: 'This is my caption' },
    ],
    ['_post_messages_document', 'document', { url: 'https://example.com/my_image.pdf' }],
    ['_post_messages_audio', 'document', { url: 'https://example.com/my_audio.mp3' }],
    ['_post_messages_video', 'document', { url: 'https://example.com/my_video.mp4' }],
  ])('accepts the body of %s', async (_snippet, type, content) => {
    const sent = await call('POST', '/messages/send', {
      to: '+31612345678',
      from: 'whatsapp',
      type,
      channel_uuid: MAIN_CHANNEL,
      content,
    });
    expect(sent.status).toBe(200);
    expect(sandbox().account.messages.at(-1)?.attachments).toEqual([content.url]);
  });

  it('refuses type audio, which appears nowhere in the docs', async () => {
    await expect(
      call('POST', '/messages/send', {
        to: '+31612345678',
        from: 'whatsapp',
        type: 'audio',
        channel_uuid: MAIN_CHANNEL,
        content: { url: 'https://example.com/my_audio.mp3' },
      }),
    ).resolves.toMatchObject({ status: 422, body: { errors: { type: expect.any(Array) } } });
  });

  it('takes the multi-variable template snippet as sent: content.text and template_values', async () => {
    const sent = await call('POST', '/messages/send', {
      to: '+31612345678',
      from: 'whatsapp',
      type: 'text',
      channel_uuid: MAIN_CHANNEL,
      content: { text: 'John Doe' },
      template_values: ['Jack', 'template', 'Cheers'],
      template_uuid: seed.templates[1]?.uuid,
      optin_contact: true,
    });
    expect(sent.status).toBe(200);
    expect(sandbox().account.messages.at(-1)?.text).toBe(
      'Hi Jack, this is a reminder of your template on Cheers. Reply YES to confirm.',
    );
  });

  it('answers the contact and conversation whether `fields` is in the body or the query', async () => {
    const body = {
      to: '+31612345678',
      from: 'whatsapp',
      type: 'text',
      channel_uuid: MAIN_CHANNEL,
      content: { text: 'Hi' },
    };
    const inQuery = await call('POST', '/messages/send?fields=contact', body);
    const inBody = await call('POST', '/messages/send', { ...body, fields: 'contact' });
    for (const answer of [inQuery, inBody]) {
      expect(answer.body.message).toMatchObject({ contact: { phoneNumber: '31612345678' } });
    }
  });

  it('filters channels by type and activity (get_channels.md)', async () => {
    const whatsapp = await call('GET', '/channels?type=whatsapp&active=true&page=1');
    expect(whatsapp.body.channels).toEqual([seed.channels[0]]);
    const instagram = await call('GET', '/channels?type=instagram&active=true&page=1');
    expect(instagram.body.channels).toEqual([seed.channels[1]]);
  });

  it('looks a phone number up on the main WhatsApp channel, or the channel named', async () => {
    const phone = '/contacts/phone/31612345678';
    await expect(call('GET', phone)).resolves.toMatchObject({ status: 200 });
    await expect(call('GET', `${phone}?channel_uuid=${MAIN_CHANNEL}`)).resolves.toMatchObject({
      status: 200,
    });
    await expect(
      call('GET', `${phone}?channel_uuid=${seed.channels[1]?.uuid}`),
    ).resolves.toMatchObject({ status: 404 });
  });

  it('moves a conversation by both documented funnel routes', async () => {
    const john = seed.contacts[0]?.uuid ?? '';
    for (const [method, path, stage] of [
      ['PUT', `/contacts/${john}/conversation/update_funnel`, seed.funnels[0]],
      ['POST', `/contacts/${john}/messages/update_funnel`, seed.funnels[1]],
    ] as const) {
      const moved = await call(method, path, { funnel_id: stage?.uuid });
      expect(moved.body.contact).toEqual([expect.objectContaining({ funnelId: stage?.uuid })]);
    }
  });

  it('gives checkbox values as JSON text, and typed with include_field_types', async () => {
    const created = await call('POST', '/contacts', {
      identifier: '+34600000002',
      source: 'whatsapp',
      name: 'Marta',
      tags: ['VIP'],
      custom_fields: { Interests: ['Shoes', 'Bags'], Plan: 'Pro' },
    });
    const [marta] = created.body.contact as { uuid: string; customFields: object }[];
    expect(marta?.customFields).toEqual({ Interests: '["Shoes","Bags"]', Plan: 'Pro' });
    const typed = await call('GET', '/contacts?tags=vip&include_field_types=true');
    expect((typed.body.contacts as object[])[0]).toMatchObject({
      uuid: marta?.uuid,
      customFieldsMetadata: {
        Interests: {
          value: ['Shoes', 'Bags'],
          type: 'checkbox',
          options: ['Shoes', 'Bags', 'Hats'],
        },
        Plan: { value: 'Pro', type: 'dropdown' },
      },
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
        channel_uuid: MAIN_CHANNEL,
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
