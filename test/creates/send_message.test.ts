import type { Bundle, ZObject } from 'zapier-platform-core';
import {
  messageFields,
  performSendMessage,
  sendMessageCreate,
} from '../../src/creates/send_message';
import channels from '../fixtures/channels.json';
import shopifyOrder from '../fixtures/sources/shopify-order.json';
import { API_KEY, API_PATH, appTester, bundleWith, callbellApi } from '../helpers/app';
import { inputErrorOf } from '../helpers/operations';
import { cachedEntries, expectChannels, expectSend, MAIN_CHANNEL, runSend } from '../helpers/sends';

const contact = {
  uuid: 'c7b3d1216d4c4dcd908199d6700f2381',
  name: 'Ana Souza',
  phoneNumber: '31612345678',
  conversationHref: 'https://dash.callbell.eu/chat/aa11',
  tags: [],
};

const send = (input: Record<string, unknown>, warm = false) =>
  runSend(performSendMessage, input, { warm });

describe('send_message', () => {
  it('sends a Shopify order confirmation from the chosen channel in one request', async () => {
    const scope = expectSend(
      {
        to: '+31612345678',
        from: 'whatsapp',
        channel_uuid: MAIN_CHANNEL,
        type: 'text',
        content: { text: 'Thanks Ana! Order #1001 (EUR 59.90) is confirmed.' },
        metadata: { order_id: '#1001' },
      },
      {
        message: {
          uuid: 'adf3d1216d4c4dcd908199d6700f2381',
          status: 'enqueued',
          contact: [contact],
          conversation: { href: 'https://dash.callbell.eu/chat/aa11' },
        },
      },
    );

    const result = await send({
      channel_uuid: MAIN_CHANNEL,
      to: shopifyOrder.customer.phone,
      text: `Thanks ${shopifyOrder.customer.first_name}! Order ${shopifyOrder.name} (${shopifyOrder.currency} ${shopifyOrder.total_price}) is confirmed.`,
      metadata: { order_id: shopifyOrder.name },
    });

    expect(result).toMatchObject({
      id: 'adf3d1216d4c4dcd908199d6700f2381',
      uuid: 'adf3d1216d4c4dcd908199d6700f2381',
      status: 'enqueued',
      conversationHref: 'https://dash.callbell.eu/chat/aa11',
      contact: { uuid: contact.uuid, name: 'Ana Souza', phoneNumberE164: '+31612345678' },
      conversation: {},
    });
    scope.done();
  });

  it.each([
    [
      'the documented example {uuid, name, phone, email}',
      { uuid: 'c7b3', name: 'John Doe', phone: '+1234567890', email: 'john@doe.com' },
      { phoneNumber: '+1234567890', phoneNumberE164: '+1234567890', email: 'john@doe.com' },
    ],
    [
      'a Contact object (phoneNumber, no email)',
      { uuid: 'c7b3', name: 'John Doe', phoneNumber: '1234567890' },
      { phoneNumber: '1234567890', phoneNumberE164: '+1234567890', email: null },
    ],
    [
      'a one-element array of a Contact',
      [{ uuid: 'c7b3', name: 'John Doe', phoneNumber: '1234567890' }],
      { phoneNumber: '1234567890', phoneNumberE164: '+1234567890', email: null },
    ],
  ])("reads the answer's contact as %s", async (_shape, answerContact, expected) => {
    expectSend(
      {
        to: '+31612345678',
        from: 'whatsapp',
        channel_uuid: MAIN_CHANNEL,
        type: 'text',
        content: { text: 'Hi' },
      },
      { message: { uuid: 'm1', status: 'enqueued', contact: answerContact } },
    );
    const result = await send({ channel_uuid: MAIN_CHANNEL, to: '+31612345678', text: 'Hi' });
    expect(result.contact).toMatchObject({ uuid: 'c7b3', name: 'John Doe', ...expected });
  });

  it("reads the shipping address's national number with the order's country", async () => {
    const scope = expectSend({
      to: '+31612345678',
      from: 'whatsapp',
      channel_uuid: MAIN_CHANNEL,
      type: 'text',
      content: { text: 'Shipped!' },
    });
    await send({
      channel_uuid: MAIN_CHANNEL,
      to: shopifyOrder.shipping_address.phone,
      default_country: shopifyOrder.shipping_address.country_code,
      text: 'Shipped!',
    });
    scope.done();
  });

  it('sends with assignment, bot status and metadata', async () => {
    const scope = expectSend({
      to: '+12015550123',
      from: 'whatsapp',
      channel_uuid: '35f6f8cc-b550-4278-a2ea-099f3a4e0730',
      type: 'text',
      content: { text: 'Hi' },
      assigned_user: 'maria@example-shop.com',
      team_uuid: 'b1c2',
      bot_status: 'bot_end',
    });
    await send({
      channel_uuid: '35f6f8cc-b550-4278-a2ea-099f3a4e0730',
      to: '+1 (201) 555-0123',
      type: 'text',
      text: 'Hi',
      assigned_user: 'maria@example-shop.com',
      team_uuid: 'b1c2',
      bot_status: 'bot_end',
    });
    scope.done();
  });

  // A caption goes "when sending `image` attachments" only (post_send_messages.md).
  it.each([
    ['image', 'image', 'https://cdn.example.com/receipt.png', 'Your receipt', true],
    ['document', 'document', 'https://cdn.example.com/invoice.pdf', undefined, false],
    ['document', 'document', 'https://cdn.example.com/invoice.pdf', 'Your invoice', false],
    // _post_messages_audio.mdx and _post_messages_video.mdx send these as documents.
    ['audio', 'document', 'https://cdn.example.com/voice.mp3', 'Listen', false],
    ['video', 'document', 'https://cdn.example.com/unboxing.mp4', 'Watch', false],
    // No documented rule asks for HTTPS.
    ['image', 'image', 'http://cdn.example.com/receipt.png', undefined, false],
  ])(
    'sends a chosen %s as type %s with its URL %s; caption %s sent: %s',
    async (type, sent, url, text, captioned) => {
      const scope = expectSend({
        to: '+31612345678',
        from: 'whatsapp',
        channel_uuid: MAIN_CHANNEL,
        type: sent,
        content: captioned ? { url, text } : { url },
      });
      await send({ channel_uuid: MAIN_CHANNEL, to: '+31612345678', type, media_url: url, text });
      scope.done();
    },
  );

  it('says in the Message Type labels that audio and video go as documents', () => {
    const typeField = sendMessageCreate.operation.inputFields.find(
      (field) => typeof field === 'object' && field.key === 'type',
    );
    expect(typeField).toMatchObject({ choices: expect.anything() });
    expect(typeof typeField === 'object' && typeField.choices).toMatchObject({
      audio: expect.stringMatching(/^Audio \(sent as a document/),
      video: expect.stringMatching(/^Video \(sent as a document/),
    });
  });

  it('sends to a BSUID, and to an Instagram contact ID as given', async () => {
    expectSend({
      bsuid: 'US.13491208655302741918',
      from: 'whatsapp',
      channel_uuid: MAIN_CHANNEL,
      type: 'text',
      content: { text: 'Hi' },
    });
    await send({ channel_uuid: MAIN_CHANNEL, bsuid: 'US.13491208655302741918', text: 'Hi' });
    expectSend({
      to: '17841400000000000',
      from: 'instagram',
      channel_uuid: channels.instagram.uuid,
      type: 'text',
      content: { text: 'Hi' },
    });
    await send({
      channel_uuid: channels.instagram.uuid,
      from: 'instagram',
      to: ' 17841400000000000 ',
      text: 'Hi',
    });
  });

  it.each([
    [{ text: 'Hi' }, /^To: a recipient is required/],
    [{ to: '555-555-SHIP', default_country: 'US', text: 'Hi' }, /"555-555-SHIP" contains letters/],
    [
      { to: '0612345678', text: 'Hi' },
      /"0612345678" is not a valid phone number\. Add the country code/,
    ],
    [{ to: '+31612345678' }, /^Text: the message text is required/],
    [
      { to: '+31612345678', type: 'image' },
      /^Media URL: a link to the file is required for a message of type image/,
    ],
    [
      { to: '+31612345678', type: 'image', media_url: 'ftp://example.com/a.png' },
      /^Media URL: "ftp:\/\/example.com\/a.png" is not a web link/,
    ],
    [
      { to: '+31612345678', type: 'video', media_url: 'not a url' },
      /^Media URL: "not a url" is not a URL/,
    ],
    [
      { to: '+31612345678', type: 'sticker', text: 'x' },
      /^Message Type: "sticker" is not one of the choices\. Use one of: text, image, document, audio, video/,
    ],
    [
      { to: '+31612345678', text: 'x', assigned_user: 'Maria' },
      /^Assign to Agent: "Maria" is not an email address/,
    ],
    [
      { to: '+31612345678', text: 'x', bot_status: 'pause' },
      /^Bot: "pause" is not one of the choices/,
    ],
    [
      {
        to: '+31612345678',
        text: 'x',
        metadata: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])),
      },
      /^Metadata: has 11 keys; Callbell accepts at most 10/,
    ],
    [
      { to: '+31612345678', text: 'x', metadata: { ['k'.repeat(51)]: 'v' } },
      /^Metadata: the key "k+…?" is 51 characters; Callbell accepts at most 50/,
    ],
    [
      { to: '+31612345678', text: 'x', metadata: { note: 'v'.repeat(501) } },
      /^Metadata: the value of "note" is 501 characters; Callbell accepts at most 500/,
    ],
    [
      { to: '+31612345678', text: 'x', from: 'sms' },
      /^Channel Type: "sms" is not one of the choices/,
    ],
  ])('refuses %j before any request, even the channel look-up', async (input, message) => {
    expect(await inputErrorOf(send(input))).toMatch(message);
  });

  it('explains the 24-hour window when Callbell refuses a free-form message', async () => {
    callbellApi()
      .post(`${API_PATH}/messages/send`)
      .query(true)
      .reply(422, { error: 'Outside of the 24h window, use a template' });
    await expect(
      send({ channel_uuid: MAIN_CHANNEL, to: '+31612345678', text: 'Hi again' }),
    ).rejects.toThrow(/Use the Send Template Message action instead: WhatsApp allows/);
  });

  it('reports a server error once and never sends twice', async () => {
    const scope = callbellApi()
      .post(`${API_PATH}/messages/send`)
      .query(true)
      .once()
      .reply(502, 'Bad gateway');
    await expect(
      send({ channel_uuid: MAIN_CHANNEL, to: '+31612345678', text: 'Hi' }),
    ).rejects.toThrow(
      /it was not re-sent, so nothing is done twice\. Callbell is temporarily unavailable \(HTTP 502\)/,
    );
    scope.done();
  });

  it.each([
    [undefined, [['text', 'Text', 'text']]],
    ['text', [['text', 'Text', 'text']]],
    [
      'image',
      [
        ['media_url', 'Media URL', 'file'],
        ['text', 'Caption', 'text'],
      ],
    ],
    ['document', [['media_url', 'Media URL', 'file']]],
    ['video', [['media_url', 'Media URL', 'file']]],
  ])('Message Type %s shows only the fields it uses', async (type, expected) => {
    const fields = await appTester(messageFields, bundleWith({ type }));
    expect(fields.map((field) => [field.key, field.label, field.type])).toEqual(expected);
  });

  it('re-draws those fields when Message Type changes', () => {
    const typeField = sendMessageCreate.operation.inputFields.find(
      (field) => typeof field === 'object' && field.key === 'type',
    );
    expect(typeField).toMatchObject({ altersDynamicFields: true });
  });
});

describe('send_message without a chosen channel', () => {
  const textTo = (channel: string, from = 'whatsapp') => ({
    to: from === 'whatsapp' ? '+31612345678' : '17841400000000000',
    from,
    channel_uuid: channel,
    type: 'text',
    content: { text: 'Hi' },
  });

  it("sends from the account's main active channel: 2 requests, then 1 while it is cached", async () => {
    const { main_whatsapp: main, second_whatsapp: second, discarded_whatsapp: gone } = channels;
    const scope = expectChannels('whatsapp', [gone, second, main]);
    expectSend(textTo(main.uuid));
    await send({ to: '+31612345678', text: 'Hi' });
    scope.done();

    const cached = expectSend(textTo(main.uuid));
    await send({ to: '+31612345678', text: 'Hi' }, true);
    cached.done();
  });

  it('keeps the channel under a digest of the API key, never the key itself', async () => {
    expectChannels('whatsapp', [channels.main_whatsapp]);
    expectSend(textTo(MAIN_CHANNEL));
    await send({ to: '+31612345678', text: 'Hi' });
    const entries = cachedEntries();
    expect(Object.keys(entries)).toEqual([
      expect.stringMatching(/^callbell:main-channel:whatsapp:[0-9a-f]{40}$/),
    ]);
    expect(JSON.stringify(entries)).not.toContain(API_KEY);
    expect(Object.values(entries)).toEqual([JSON.stringify(MAIN_CHANNEL)]);
  });

  it.each([
    ['the only active one of the type, not main', 'instagram', [channels.instagram]],
    [
      'main, found on a later page',
      'whatsapp',
      [channels.second_whatsapp, { ...channels.main_whatsapp, discardedAt: null }],
    ],
  ])('uses %s', async (_case, type, list) => {
    const chosen = list.at(-1)?.uuid ?? '';
    if (list.length > 1) {
      expectChannels(type, [list[0] ?? {}], 2, 1);
      expectChannels(type, [list[1] ?? {}], 2, 2);
    } else {
      expectChannels(type, list);
    }
    const scope = expectSend(textTo(chosen, type));
    await send({
      from: type,
      to: type === 'whatsapp' ? '+31612345678' : '17841400000000000',
      text: 'Hi',
    });
    scope.done();
  });

  it.each([
    [
      'no active channel of the type',
      [{ ...channels.main_whatsapp, discardedAt: '2026-02-09T10:00:00Z' }],
      /"Connect an active WhatsApp channel in Callbell, or choose another Channel Type: this Callbell account has none, so nothing was sent\."/,
    ],
    [
      'several, none of them main',
      [channels.second_whatsapp, { ...channels.main_whatsapp, main: false }],
      /"Choose the Channel to send from in this step: this Callbell account has 2 active WhatsApp channels and none is the main one/,
    ],
  ])('refuses before any send when there is %s', async (_case, list, message) => {
    expectChannels('whatsapp', list);
    await expect(send({ to: '+31612345678', text: 'Hi' })).rejects.toThrow(message);
  });

  it('forgets a cached channel when a send fails, so the next one looks it up again', async () => {
    expectChannels('whatsapp', [channels.main_whatsapp]);
    callbellApi()
      .post(`${API_PATH}/messages/send`)
      .query(true)
      .reply(422, { errors: { channel_uuid: ['is invalid'] } });
    await expect(send({ to: '+31612345678', text: 'Hi' })).rejects.toThrow(/HTTP 422/);
    expect(cachedEntries()).toEqual({});

    const scope = expectChannels('whatsapp', [channels.second_whatsapp]);
    expectSend(textTo(channels.second_whatsapp.uuid));
    await send({ to: '+31612345678', text: 'Hi' }, true);
    scope.done();
  });

  it('keeps the cached channel when Callbell refuses for another reason (24-hour window)', async () => {
    expectChannels('whatsapp', [channels.main_whatsapp]);
    callbellApi()
      .post(`${API_PATH}/messages/send`)
      .query(true)
      .reply(422, { error: 'Outside of the 24h window, use a template' });
    await expect(send({ to: '+31612345678', text: 'Hi' })).rejects.toThrow(/HTTP 422/);
    const scope = expectSend(textTo(MAIN_CHANNEL));
    await send({ to: '+31612345678', text: 'Hi' }, true);
    scope.done();
  });

  it('asks Callbell every time when Zapier’s cache is unavailable: 2 requests a send', async () => {
    const withoutCache = (z: ZObject, bundle: Bundle) => {
      const unavailable = () => Promise.reject(new Error('No token found - cannot call RPC'));
      z.cache.get = unavailable;
      z.cache.set = unavailable;
      z.cache.delete = unavailable;
      return performSendMessage(z, bundle);
    };
    for (let run = 0; run < 2; run += 1) {
      const scope = expectChannels('whatsapp', [channels.main_whatsapp]);
      expectSend(textTo(MAIN_CHANNEL));
      await appTester(withoutCache, bundleWith({ to: '+31612345678', text: 'Hi' }), true);
      scope.done();
    }
  });
});
