import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { idIncludesDeliveryTime } from '../../src/webhooks/event-id';
import { CALLBELL_EVENTS, type CallbellEvent } from '../../src/webhooks/events';
import type { HookOutput } from '../../src/webhooks/events';
import { ONE_WEBHOOK_NOTICE, type HookTrigger } from '../../src/webhooks/hook-trigger';
import { TOKEN_PARAM, webhookUrl } from '../../src/webhooks/signing';
import type { SubscribeData } from '../../src/webhooks/subscribe-data';
import { API_KEY, API_PATH, API_URL, appTester, bundleWith, callbellApi, loggingTo } from './app';
import { documentedDelivery, sampleDelivery, type DocumentedDelivery } from './fixtures';

export { documentedDelivery };

export const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1234567/abcdef0123456789/';
export const SECOND_TARGET_URL =
  'https://hooks.zapier.com/hooks/standard/1234567/0123456789abcdef/';

/**
 * nock scope on Zapier's hook service, refusing any request that carries an Authorization
 * header: a forward to another Zap must never carry the Callbell key.
 */
export function zapierHooks(): nock.Scope {
  return nock('https://hooks.zapier.com', { badheaders: ['authorization'] });
}

/** Runs a trigger's perform on one delivery body, as Zapier does when Callbell POSTs to it. */
export function deliver(
  trigger: HookTrigger,
  body: unknown,
  inputData: Record<string, unknown> = {},
) {
  return appTester(trigger.operation.perform, bundleWith(inputData, { cleanedRequest: body }));
}

/** The delivery log answer Callbell gives for these bodies. */
export function deliveryLog(bodies: unknown[]) {
  return {
    webhook_events: bodies.map((body) => ({
      ...(body as object),
      response: { body: '', code: 200, headers: {} },
      success: true,
      createdAt: '2026-11-20T10:00:00Z',
    })),
    meta: { page: 1, pages: 1 },
  };
}

/**
 * What every instant trigger must do, whatever its event: subscribe exactly its events, fire in
 * two Zaps at once (Zapier's review turns on two Zaps with the same trigger), unsubscribe (also
 * when already gone), map Callbell's documented body to its sample, and ignore everything that
 * is not its event. Each Zap-lifecycle test starts from an empty cache.
 */
export function itBehavesLikeAHookTrigger(
  trigger: HookTrigger,
  {
    events,
    inputData = {},
    sampleIsSubset = false,
    payload = {},
  }: {
    events: CallbellEvent[];
    inputData?: Record<string, unknown>;
    /** The sample holds only the keys every event gives (New Event), not the whole output. */
    sampleIsSubset?: boolean;
    /** Fields added to the documented bodies so they pass the trigger's filter. */
    payload?: Record<string, unknown>;
  },
) {
  const { operation } = trigger;
  const withPayload = ({ event, payload: documented }: DocumentedDelivery) => ({
    event,
    payload: { ...documented, ...payload },
  });
  const asSample = (sample: HookOutput) =>
    sampleIsSubset ? expect.objectContaining(sampleAsDelivered(sample)) : sampleAsDelivered(sample);

  it("says in its set-up step how its Zaps share Callbell's one webhook", () => {
    const [notice] = trigger.operation.inputFields;
    expect(notice).toMatchObject({
      key: 'one_webhook_notice',
      type: 'copy',
      helpText: ONE_WEBHOOK_NOTICE,
    });
    expect(notice?.helpText).toMatch(
      /one webhook per account, which all your Callbell Zaps share.*replaces a webhook set by hand/,
    );
    expect(trigger.display.description).toMatch(/^Triggers when .+\.$/);
  });

  it('subscribes the first Zap URL, with its token, to every event: finding no list of Zaps, it may be a cache that forgot older ones (their events keep coming)', async () => {
    const account = callbellAccount();
    const scope = callbellSubscribes(TARGET_URL, [...CALLBELL_EVENTS]);
    const result = await appTester(
      operation.performSubscribe,
      bundleWith(inputData, { targetUrl: TARGET_URL }),
      true,
    );
    expect(result).toEqual({
      id: TARGET_URL,
      url: TARGET_URL,
      subscriptions: events,
      createdAt: '2026-11-24T10:00:00Z',
      registry: expect.stringMatching(/^callbell:zaps:v2:channel-[0-9a-f]{40}$/),
      secret: expect.stringMatching(/^[0-9a-f]{64}$/),
      zaps: [],
      // No list in the cache: the first Zap, or one that cannot know the others (receive.ts).
      unlistedSince: expect.any(String),
    });
    account.done();
    scope.done();
  });

  it('fires in two Zaps with this trigger: the second takes the webhook and passes events on', async () => {
    callbellAccount();
    callbellSubscribes(TARGET_URL, [...CALLBELL_EVENTS]);
    await appTester(
      operation.performSubscribe,
      bundleWith(inputData, { targetUrl: TARGET_URL }),
      true,
    );
    callbellAccount({ log: false });
    const takes = callbellSubscribes(SECOND_TARGET_URL, events);
    const second = (await appTester(
      operation.performSubscribe,
      bundleWith(inputData, { targetUrl: SECOND_TARGET_URL }),
    )) as SubscribeData;
    expect(second.zaps).toEqual([{ url: TARGET_URL, events }]);
    const body = withPayload(sampleDelivery(events[0] as CallbellEvent));
    const forwarded: unknown[] = [];
    const hook = zapierHooks()
      .post(new URL(TARGET_URL).pathname, (sent) => forwarded.push(sent) > 0)
      .reply(200, { status: 'success' });
    const [own] = await appTester(
      operation.perform,
      bundleWith(inputData, {
        cleanedRequest: { ...body, querystring: tokenQuery(second) },
        subscribeData: second,
      }),
    );
    expect(own).toEqual(asSample(operation.sample));
    expect(forwarded).toEqual([
      { ...body, createdAt: expect.any(String), callbell_zapier_relay: expect.any(Object) },
    ]);
    takes.done();
    hook.done();
  });

  /** Turns the first Zap of a new account on; its subscribe data. */
  async function firstZapOn(): Promise<SubscribeData> {
    callbellAccount();
    callbellSubscribes(TARGET_URL, [...CALLBELL_EVENTS]);
    return (await appTester(
      operation.performSubscribe,
      bundleWith(inputData, { targetUrl: TARGET_URL }),
      true,
    )) as SubscribeData;
  }

  it.each([
    ['the last Zap out removes the webhook', 200, { status: 'webhook was destroyed' }],
    [
      'turns off even when the webhook was removed by hand in Callbell',
      404,
      { error: 'Webhook not found' },
    ],
  ])('%s (its turn-on had read the list of Zaps)', async (_case, status, answer) => {
    // As for a Zap turned on when the list named only Zaps since turned off.
    const subscribeData: SubscribeData = { ...(await firstZapOn()), unlistedSince: undefined };
    const scope = callbellApi().delete(`${API_PATH}/webhooks/unsubscribe`).reply(status, answer);
    await expect(
      appTester(operation.performUnsubscribe, bundleWith(inputData, { subscribeData })),
    ).resolves.toEqual({
      status: status === 200 ? 'webhook was destroyed' : 'webhook was already removed',
    });
    scope.done();
  });

  it('a Zap that took the webhook with no list of Zaps keeps it on turn-off, and says so (invariant: never delete on doubt)', async () => {
    const subscribeData = await firstZapOn();
    const lines: string[] = [];
    await expect(
      appTester(
        (z: ZObject, bundle: Bundle) => operation.performUnsubscribe(loggingTo(z, lines), bundle),
        bundleWith(inputData, { subscribeData }),
      ),
    ).resolves.toEqual({ status: expect.stringMatching(/kept/) });
    expect(lines).toContainEqual(expect.stringMatching(/^Callbell: kept the account's webhook/));
  });

  it("maps Callbell's documented body to the trigger's sample", async () => {
    const [first] = events;
    const [output] = await deliver(trigger, withPayload(sampleDelivery(first)), inputData);
    expect(output).toEqual(asSample(operation.sample));
  });

  it.each(events)("accepts Callbell's documented %s body", async (event) => {
    const [output] = await deliver(trigger, withPayload(documentedDelivery(event)), inputData);
    expect(output?.event).toBe(event);
  });

  const first = events[0] as CallbellEvent;
  const others = CALLBELL_EVENTS.filter((event) => !events.includes(event));
  const notItsEvents: [string, unknown][] = [
    ...others.map((event): [string, unknown] => [`the ${event} event`, documentedDelivery(event)]),
    ['no body', undefined],
    ['null', null],
    ['an empty string', ''],
    ['a string', 'ok'],
    ['an empty object', {}],
    ['an empty list', []],
    ['a status check', { status: 'ok' }],
    ['an unknown event', { event: 'ping' }],
    ['an event without payload', { event: first }],
    ['a text payload', { event: first, payload: 'text' }],
    ['a list payload', { event: first, payload: [1, 2] }],
    ['a list of deliveries', [documentedDelivery(first)]],
    ['a payload without event', { payload: documentedDelivery(first).payload }],
  ];
  it.each(notItsEvents)('ignores %s', async (_case, body) => {
    await expect(deliver(trigger, body, inputData)).resolves.toEqual([]);
  });
}

/**
 * The sample as a live delivery of the same body outputs it: ids of events that can repeat
 * word for word include the time of delivery, so only their readable start is the sample's.
 */
export function sampleAsDelivered(sample: HookOutput): HookOutput {
  if (!idIncludesDeliveryTime(sample.event)) return sample;
  const anchor = sample.id.replace(/-[0-9a-f]{16}$/, '').replace(/[.]/g, '\\.');
  return { ...sample, id: expect.stringMatching(new RegExp(`^${anchor}-[0-9a-f]{16}$`)) };
}

/** What both conversation triggers do with their documented body. */
export function itMapsAConversationEvent(
  trigger: HookTrigger,
  event: 'conversation_opened' | 'conversation_closed',
  /** The event's own time field: `createdAt` when opened, `closedAt` when closed. */
  eventTime: { createdAt: string } | { closedAt: string },
) {
  const delivery = documentedDelivery(event);

  it('hands the Zap the conversation link, time and contact', async () => {
    const [output] = await deliver(trigger, delivery);
    expect(output).toMatchObject({
      id: expect.stringMatching(/^eb2b914a977e4ab896e7b886698b3eac-[0-9a-f]{16}$/),
      event,
      ...eventTime,
      source: 'whatsapp',
      href: 'https://dash.callbell.eu/chat/f3670b13446b412796238b1cd78899f9',
      contact: {
        uuid: 'eb2b914a977e4ab896e7b886698b3eac',
        name: 'John Doe',
        phoneNumberE164: '+33612345678',
      },
    });
    // The event time is not repeated as `created_at`.
    expect(output).not.toHaveProperty('created_at');
  });

  it('gives a conversation opened or closed again a new id', async () => {
    const [first] = await deliver(trigger, delivery);
    const [later] = await deliver(trigger, {
      event,
      payload: {
        ...delivery.payload,
        createdAt: '2024-01-02T09:00:00Z',
        closedAt: '2024-01-02T09:00:00Z',
      },
    });
    expect(later?.id).not.toBe(first?.id);
  });

  it('fills the Zap editor test from the delivery log', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/webhooks/events`)
      .query({ subscriptions: event, items: '10', page: '1' })
      .reply(200, deliveryLog([delivery]));
    const outputs = await appTester(trigger.operation.performList, bundleWith({}));
    expect(outputs.map((output) => output.event)).toEqual([event]);
    scope.done();
  });
}

/** The account's main channel: the registry is named after it (src/webhooks/account.ts). */
export const MAIN_CHANNEL = {
  uuid: '7c996996fea947f4a1d5a11e7fac84db',
  title: 'phone_number_1',
  type: 'whatsapp',
  main: true,
  discardedAt: false,
};

/**
 * What a turn-on or turn-off asks Callbell first: the account's channels (its identity) and,
 * when Zapier's cache has no registry, the webhook's delivery log (`log: false` when the
 * registry is there, so the log is not read).
 */
export function callbellAccount({
  log = [],
  key = API_KEY,
}: { log?: object[] | false; key?: string } = {}): nock.Scope {
  const scope = nock(API_URL, { reqheaders: { authorization: `Bearer ${key}` } })
    .get(`${API_PATH}/channels`)
    .query({ page: '1', active: 'true' })
    .reply(200, { channels: [MAIN_CHANNEL], meta: { page: 1, pages: 1 } });
  if (log === false) return scope;
  return scope
    .get(`${API_PATH}/webhooks/events`)
    .query({ items: '10', page: '1' })
    .reply(200, { webhook_events: log, meta: { page: 1, pages: 1 } });
}

/** Callbell's answer to a subscribe of this Zap's URL with its token, for exactly these events. */
export function callbellSubscribes(zapUrl: string, events: CallbellEvent[], key = API_KEY) {
  return nock(API_URL, { reqheaders: { authorization: `Bearer ${key}` } })
    .post(
      `${API_PATH}/webhooks/subscribe`,
      (body: { url?: string; subscriptions?: unknown }) =>
        String(body.url).startsWith(`${zapUrl}?callbell_zapier=`) &&
        JSON.stringify(body.subscriptions) === JSON.stringify(events),
    )
    .reply(200, (_path, body: { url?: string }) => ({
      webhook: { url: body.url, subscriptions: events, createdAt: '2026-11-24T10:00:00Z' },
    }));
}

/** The query string Callbell's webhook adds when it posts to the Zap that took it. */
export function tokenQuery({ url, secret }: { url: string; secret: string }) {
  const token = new URL(webhookUrl(secret, url)).searchParams.get(TOKEN_PARAM) ?? '';
  return { [TOKEN_PARAM]: token };
}
