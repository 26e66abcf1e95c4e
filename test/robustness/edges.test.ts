import fc from 'fast-check';
import App from '../../index';
import { readErrorBody } from '../../src/client/error-body';
import { retryAfterSeconds } from '../../src/client/errors';
import { InputError } from '../../src/input-error';
import {
  conversationClosedTrigger,
  mapConversationClosed,
} from '../../src/triggers/conversation_closed';
import { mapConversationOpened } from '../../src/triggers/conversation_opened';
import { mapMessageCreated, messageCreatedTrigger } from '../../src/triggers/message_created';
import { eventId } from '../../src/webhooks/event-id';
import { readDelivery } from '../../src/webhooks/events';
import { mapMessageStatusUpdated } from '../../src/triggers/message_status_updated';
import { deliver, documentedDelivery } from '../helpers/hook-trigger';
import { expectUserFacing, fakeCallbell, outcomeOf, userMessage, type Perform } from './helpers';
import { CONTACT } from './operations';

/** Item 8 (choices), item 9 (edges) and item 10 (a contact sent as a one-element list). */
const perform = (kind: 'creates' | 'searches', key: string) =>
  (kind === 'creates' ? App.creates : App.searches)[key]?.operation.perform as Perform;
const sendMessage = perform('creates', 'send_message');

/** Names every object has, though no field offers them as a choice. */
const INHERITED = [...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'prototype'];

describe('choices: own keys only', () => {
  const FIELDS: [string, Perform, Record<string, unknown>, string, string[]][] = [
    [
      'from',
      sendMessage,
      { to: '+31612345678', text: 'Hi', channel_uuid: 'c0ffee00c0ffee00c0ffee00c0ffee00' },
      'Channel Type',
      ['whatsapp'],
    ],
    [
      'type',
      sendMessage,
      { to: '+31612345678', text: 'Hi', channel_uuid: 'c0ffee00c0ffee00c0ffee00c0ffee00' },
      'Message Type',
      ['text'],
    ],
    [
      'bot_status',
      sendMessage,
      { to: '+31612345678', text: 'Hi', channel_uuid: 'c0ffee00c0ffee00c0ffee00c0ffee00' },
      'Bot',
      ['bot_end'],
    ],
    [
      'source',
      perform('creates', 'create_contact'),
      { phone: '+31612345678', name: 'A' },
      'Channel Type',
      ['whatsapp'],
    ],
    [
      'status',
      perform('creates', 'set_bot_status'),
      { contact_uuid: CONTACT },
      'Bot',
      ['bot_start'],
    ],
  ];

  it.each(FIELDS)(
    '%s takes its choices and refuses every inherited name',
    async (key, run, input, label, valid) => {
      for (const value of [...INHERITED, ...valid]) {
        const seen = fakeCallbell(() => [
          200,
          { message: { uuid: CONTACT }, contact: { uuid: CONTACT }, bot: {} },
        ]);
        const { error } = await outcomeOf(run, { ...input, [key]: value });
        if (valid.includes(value)) {
          expect(error).toBeUndefined();
        } else {
          expect(error).toBeInstanceOf(InputError);
          expect(userMessage(error)).toMatch(
            new RegExp(`^${label}: ".+" is not one of the choices`),
          );
          expect(seen).toEqual([]);
        }
      }
    },
    30_000,
  );
});

describe('Retry-After', () => {
  it('is a whole number of seconds from 1 to 300, whatever Callbell sends', () => {
    const header = fc.oneof(
      fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String),
      fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.option(header, { nil: undefined }), (value) => {
        const delay = retryAfterSeconds(value);
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(1);
        expect(delay).toBeLessThanOrEqual(300);
      }),
      { numRuns: 2000 },
    );
    expect(retryAfterSeconds('86400')).toBe(300);
  });
});

describe('deep nesting', () => {
  const deep = (levels: number) => `${'['.repeat(levels)}"why"${']'.repeat(levels)}`;

  it('an error body nested 200,000 levels is read without a RangeError', async () => {
    expect(readErrorBody(`{"errors": ${deep(200_000)}}`)).toEqual({ message: '', fields: [] });
    fakeCallbell(() => [422, `{"errors": ${deep(200_000)}}`]);
    const { error } = await outcomeOf(sendMessage, {
      to: '+31612345678',
      text: 'Hi',
      channel_uuid: 'c0ffee00c0ffee00c0ffee00c0ffee00',
    });
    expect(expectUserFacing(error)).toMatch(
      /^Check the values mapped into this step\. Callbell refused the request \(HTTP 422\)/,
    );
  });

  it('a delivery nested 200,000 levels is read, mapped and given an id; its output serialises', () => {
    // (Core itself JSON-encodes a live bundle before perform runs, so Zapier's own parser
    // bounds the depth a live body can reach; the reading below holds at any depth.)
    const body = documentedDelivery('message_created');
    const metadata = JSON.parse(`{"deep": ${deep(200_000)}}`) as unknown;
    const delivery = readDelivery({ ...body, payload: { ...body.payload, metadata } });
    const output = delivery && { id: eventId(delivery), ...mapMessageCreated(delivery.payload) };
    expect(output?.id).toMatch(/-[0-9a-f]{16}$/);
    expect(() => JSON.stringify(output)).not.toThrow();
  });

  it('a delivery log nested 200,000 levels fails the editor test with what to do, not a RangeError', async () => {
    // An answer the app cannot read is never taken for "no events": the Zap editor's test
    // fails with Callbell's words, and the user can try again or skip to the static sample.
    const seen = fakeCallbell(() => [
      200,
      `{"webhook_events": ${deep(200_000)}, "meta": {"pages": 1}}`,
    ]);
    const { result, error } = await outcomeOf(messageCreatedTrigger.operation.performList, {});
    expect(result).toBeUndefined();
    expect(error).toMatchObject({
      message: expect.stringContaining('"code":"CallbellUnreadableAnswer"'),
    });
    expect(seen.length).toBeGreaterThan(0);
  });
});

describe('ids in messages and in requests', () => {
  it('a 404 names a 5,000-character id shortened, within 250 characters', async () => {
    const id = 'x'.repeat(5000);
    fakeCallbell(() => [404, { error: 'Template not found' }]);
    const { error } = await outcomeOf(perform('creates', 'send_template_message'), {
      to: '+31612345678',
      template_uuid: id,
      optin_contact: true,
    });
    const message = expectUserFacing(error);
    expect(message).toMatch(
      /^Check that the value mapped into this step exists in your Callbell account: Callbell could not find the template "x{39}…" \(HTTP 404/,
    );
  });

  it('a lone surrogate in a query value is refused before any request', async () => {
    const seen = fakeCallbell(() => [200, {}]);
    const { error } = await outcomeOf(perform('searches', 'find_contact'), {
      phone: '+31612345678',
      channel_uuid: 'ch\ud800',
    });
    expect(expectUserFacing(error)).toMatch(
      /^The value sent as channel_uuid contains a broken character/,
    );
    expect(seen).toEqual([]);
  });
});

describe('phone numbers', () => {
  it.each([
    ['+1 201 555 0123 #12', /has an extension/],
    ['+1 201 555 0123 ext. 12', /has an extension/],
    ['+1 201 555 0123 x12', /has an extension/],
  ])('one rule for extensions: %j is refused', async (to, message) => {
    const seen = fakeCallbell(() => [200, {}]);
    const { error } = await outcomeOf(sendMessage, { to, text: 'Hi' });
    expect(userMessage(error)).toMatch(message);
    expect(seen).toEqual([]);
  });

  it('a number possible for its country but not valid there is refused', async () => {
    const seen = fakeCallbell(() => [200, {}]);
    const { error } = await outcomeOf(sendMessage, {
      to: '0612345678',
      default_country: 'US',
      text: 'Hi',
    });
    expect(userMessage(error)).toMatch(
      /"0612345678" is not a valid phone number.*Default Country \(US\)/,
    );
    expect(seen).toEqual([]);
  });
});

describe('redirects', () => {
  it.each([301, 302, 303, 307, 308])(
    'a %i to a POST is not followed: one request, check first',
    async (status) => {
      const seen = fakeCallbell(() => [status, '', { Location: '/v1/messages/send' }]);
      const { error } = await outcomeOf(sendMessage, {
        to: '+31612345678',
        text: 'Hi',
        channel_uuid: 'c0ffee00c0ffee00c0ffee00c0ffee00',
      });
      expect(seen.map((request) => request.method)).toEqual(['POST']);
      expect(expectUserFacing(error)).toMatch(
        /^Check in Callbell whether this step took effect before replaying it: .*redirect/,
      );
    },
  );
});

describe('created_at', () => {
  it.each([
    ['an undocumented form, kept as sent', '1', '1'],
    ['an undocumented form, kept as sent', 'March 7', 'March 7'],
    [
      "Callbell's own form, made ISO 8601",
      '2025-12-18 20:00:19 +0100',
      '2025-12-18T20:00:19+01:00',
    ],
    ['ISO 8601, as it is', '2024-02-21T12:02:47Z', '2024-02-21T12:02:47Z'],
  ])('closedAt: %s (%j → %j), with no created_at', async (_case, closedAt, expected) => {
    const body = documentedDelivery('conversation_closed');
    const [output] = await deliver(conversationClosedTrigger, {
      ...body,
      payload: { ...body.payload, closedAt },
    });
    expect(output?.closedAt).toBe(expected);
    expect(output).not.toHaveProperty('created_at');
  });
});

describe('a contact sent as a one-element list', () => {
  const mappers = [
    ['message_created', mapMessageCreated],
    ['message_status_updated', mapMessageStatusUpdated],
    ['conversation_opened', mapConversationOpened],
    ['conversation_closed', mapConversationClosed],
  ] as const;

  it.each(mappers)('%s keeps the contact, whatever it holds', (event, map) => {
    const { payload } = documentedDelivery(event);
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 5 }), (extra) => {
        const contact = { ...(payload.contact as object), ...extra, uuid: CONTACT };
        const asObject = map({ ...payload, contact });
        const asList = map({ ...payload, contact: [contact] });
        expect(asList).toEqual(asObject);
        expect((asList.contact as { uuid?: string }).uuid).toBe(CONTACT);
      }),
      { numRuns: 150 },
    );
  });

  it('a delivered message_created with a listed contact keeps it', async () => {
    const body = documentedDelivery('message_created');
    const [output] = await deliver(messageCreatedTrigger, {
      ...body,
      payload: { ...body.payload, contact: [body.payload.contact] },
    });
    expect((output?.contact as { uuid?: string }).uuid).toBe('eb2b914a977e4ab896e7b886698b3eac');
  });
});
