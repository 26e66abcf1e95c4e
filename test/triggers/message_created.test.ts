import { messageCreatedTrigger } from '../../src/triggers/message_created';
import { API_PATH, appTester, bundleWith, callbellApi } from '../helpers/app';
import {
  deliver,
  deliveryLog,
  documentedDelivery,
  itBehavesLikeAHookTrigger,
} from '../helpers/hook-trigger';

const received = documentedDelivery('message_created');
const sent = {
  event: 'message_created',
  payload: { ...received.payload, status: 'sent', text: 'Thanks!' },
};

describe('message_created', () => {
  afterEach(() => jest.restoreAllMocks());

  itBehavesLikeAHookTrigger(messageCreatedTrigger, { events: ['message_created'] });

  it('hands the Zap the message, its contact and an id derived from the delivery', async () => {
    const [output] = await deliver(messageCreatedTrigger, received);
    expect(output).toMatchObject({
      id: expect.stringMatching(/^eb2b914a977e4ab896e7b886698b3eac-[0-9a-f]{16}$/),
      event: 'message_created',
      created_at: '2022-10-18T12:06:29.000+02:00',
      text: 'Hello',
      status: 'received',
      channel: 'whatsapp',
      from: '33187654321',
      to: '33612345678',
      attachments: [],
      contact: {
        uuid: 'eb2b914a977e4ab896e7b886698b3eac',
        name: 'John Doe',
        phoneNumber: '33612345678',
        phoneNumberE164: '+33612345678',
        tags: ['Lead'],
        conversationHref: 'https://dash.callbell.eu/chat/f3670b13446b412796238b1cd78899f9',
      },
      messageLocation: { coordinates: { x: -23.605403621614, y: -46.637346962613 } },
      messageReplyButton: { metadata: { type: 'quick_reply' } },
    });
  });

  it('gives the same delivery the same id and different messages different ids', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2022-10-18T10:06:29.120Z'));
    const [first] = await deliver(messageCreatedTrigger, received);
    const [again] = await deliver(messageCreatedTrigger, JSON.parse(JSON.stringify(received)));
    const [reordered] = await deliver(messageCreatedTrigger, {
      payload: Object.fromEntries(Object.entries(received.payload).reverse()),
      event: 'message_created',
    });
    const [other] = await deliver(messageCreatedTrigger, sent);
    const [later] = await deliver(messageCreatedTrigger, {
      event: 'message_created',
      payload: { ...received.payload, createdAt: '2022-10-18T12:06:30.000+02:00' },
    });
    expect(again?.id).toBe(first?.id);
    expect(reordered?.id).toBe(first?.id);
    expect(new Set([first?.id, other?.id, later?.id]).size).toBe(3);
  });

  it('gives two identical messages in one second two ids: they were delivered apart', async () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2022-10-18T10:06:29.120Z'));
    const [first] = await deliver(messageCreatedTrigger, received);
    now.mockReturnValue(Date.parse('2022-10-18T10:06:29.730Z'));
    const [second] = await deliver(messageCreatedTrigger, received);
    expect(second?.id).not.toBe(first?.id);
  });

  it('reads the misspelt "mesageContext" Callbell documents', async () => {
    const [output] = await deliver(messageCreatedTrigger, {
      event: 'message_created',
      payload: { ...received.payload, mesageContext: { text: 'the question' } },
    });
    expect(output?.messageContext).toEqual({ text: 'the question' });
  });

  it.each([
    ['any', ['Hello', 'Thanks!']],
    ['received', ['Hello']],
    ['sent', ['Thanks!']],
    [undefined, ['Hello']],
  ])('direction %s lets through %j', async (direction, texts) => {
    const outputs = [
      ...(await deliver(messageCreatedTrigger, received, { direction })),
      ...(await deliver(messageCreatedTrigger, sent, { direction })),
    ];
    expect(outputs.map((output) => output.text)).toEqual(texts);
  });

  describe('finding 10: the obvious reply Zap does not loop (invariant: no reply loop by default)', () => {
    const ownReply = {
      event: 'message_created',
      payload: { ...sent.payload, metadata: { order: '42', sent_by_zap: 'true' } },
    };

    it.each([
      ['the default direction', {}, []],
      ['"Received and Sent"', { direction: 'any' }, []],
      ['"Sent"', { direction: 'sent' }, []],
      [
        '"Sent" with Include Messages Sent by Zaps',
        { direction: 'sent', include_zap_messages: 'true' },
        ['Thanks!'],
      ],
      [
        '"Received and Sent" with Include Messages Sent by Zaps: Yes',
        { direction: 'any', include_zap_messages: true },
        ['Thanks!'],
      ],
    ])('a message this integration sent, with %s, starts %j', async (_case, input, texts) => {
      const outputs = await deliver(messageCreatedTrigger, ownReply, input);
      expect(outputs.map((output) => output.text)).toEqual(texts);
    });

    it('a message sent from Callbell itself still starts a "Sent" Zap', async () => {
      const outputs = await deliver(messageCreatedTrigger, sent, { direction: 'sent' });
      expect(outputs.map((output) => output.text)).toEqual(['Thanks!']);
    });

    it('declares Direction with "Received From Contacts" as its default, and the new Yes/No field', () => {
      const fields = messageCreatedTrigger.operation.inputFields;
      expect(fields.find((field) => field.key === 'direction')).toMatchObject({
        default: 'received',
      });
      expect(fields.find((field) => field.key === 'include_zap_messages')).toMatchObject({
        type: 'boolean',
        default: 'false',
      });
      expect(fields.find((field) => field.key === 'include_zap_messages')?.required).toBeFalsy();
    });
  });

  it("fills the Zap editor's test from the delivery log, filtered and without repeats", async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/webhooks/events`)
      .query({ subscriptions: 'message_created', items: '10', page: '1' })
      .reply(
        200,
        deliveryLog([received, sent, received, { event: 'message_created', payload: 'odd' }]),
      );

    const outputs = await appTester(
      messageCreatedTrigger.operation.performList,
      bundleWith({ direction: 'received' }),
    );

    expect(outputs.map((output) => [output.text, output.status])).toEqual([['Hello', 'received']]);
    scope.done();
  });

  it("falls back to the latest conversation's messages when the log is empty", async () => {
    const contact = {
      uuid: 'c0ffee0123456789c0ffee0123456789',
      name: 'Ana',
      phoneNumber: '5511987654321',
    };
    const scope = callbellApi()
      .get(`${API_PATH}/webhooks/events`)
      .query(true)
      .reply(200, deliveryLog([]))
      .get(`${API_PATH}/contacts`)
      .query({ page: '1' })
      .reply(200, { contacts: [contact] })
      .get(`${API_PATH}/contacts/${contact.uuid}/messages`)
      .query({ page: '1' })
      .reply(200, {
        messages: [
          {
            text: 'Order shipped',
            status: 'sent',
            channel: 'whatsapp',
            createdAt: '2026-11-20T10:00:00Z',
          },
          { text: 'internal', status: 'note', createdAt: '2026-11-20T09:59:00Z' },
          {
            text: 'Where is my order?',
            status: 'received',
            channel: 'whatsapp',
            createdAt: '2026-11-20T09:58:00Z',
          },
        ],
      });

    const outputs = await appTester(
      messageCreatedTrigger.operation.performList,
      bundleWith({ direction: 'any' }),
    );

    expect(outputs.map((output) => [output.text, output.status, output.created_at])).toEqual([
      ['Order shipped', 'sent', '2026-11-20T10:00:00Z'],
      ['Where is my order?', 'received', '2026-11-20T09:58:00Z'],
    ]);
    expect(outputs[0]?.contact).toMatchObject({ name: 'Ana', phoneNumberE164: '+5511987654321' });
    scope.done();
  });

  it('answers an empty test when the account has no contacts yet', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/webhooks/events`)
      .query(true)
      .reply(200, { webhook_events: [] })
      .get(`${API_PATH}/contacts`)
      .query(true)
      .reply(200, { contacts: [] });
    await expect(
      appTester(messageCreatedTrigger.operation.performList, bundleWith({})),
    ).resolves.toEqual([]);
    scope.done();
  });
});
