import nock from 'nock';
import { idIncludesDeliveryTime } from '../../src/webhooks/event-id';
import { CALLBELL_EVENTS, type CallbellEvent } from '../../src/webhooks/events';
import type { HookOutput } from '../../src/webhooks/events';
import { ONE_WEBHOOK_NOTICE, type HookTrigger } from '../../src/webhooks/hook-trigger';
import type { ZObject } from 'zapier-platform-core';
import { registryKey } from '../../src/webhooks/registry';
import { API_KEY, API_PATH, appTester, bundleWith, callbellApi } from './app';
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
      /one webhook per account.*every Zap connected with the same Callbell API key gets its events.*another key of the same account take the webhook over/,
    );
    expect(trigger.display.description).toMatch(/^Triggers when .+\.$/);
  });

  it('subscribes the first Zap URL to exactly its events', async () => {
    const scope = callbellApi()
      .post(`${API_PATH}/webhooks/subscribe`, { url: TARGET_URL, subscriptions: events })
      .reply(200, {
        webhook: {
          url: TARGET_URL,
          subscriptions: events,
          createdAt: '2026-11-24T10:00:00Z',
          enabled: true,
        },
      });
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
    });
    scope.done();
  });

  it('fires in two Zaps with this trigger: the second joins, the first passes events on', async () => {
    callbellApi()
      .post(`${API_PATH}/webhooks/subscribe`, { url: TARGET_URL, subscriptions: events })
      .reply(200, { webhook: { url: TARGET_URL, subscriptions: events } });
    await appTester(
      operation.performSubscribe,
      bundleWith(inputData, { targetUrl: TARGET_URL }),
      true,
    );
    // No Callbell request: the webhook already has every event the second Zap wants. The
    // second Zap only checks that the first one still exists.
    const probe = zapierHooks()
      .post(new URL(TARGET_URL).pathname, { probe: true, relayed_by: 'callbell-zapier' })
      .reply(200, { status: 'success' });
    await appTester(
      operation.performSubscribe,
      bundleWith(inputData, { targetUrl: SECOND_TARGET_URL }),
    );
    const body = withPayload(sampleDelivery(events[0] as CallbellEvent));
    const forwarded: unknown[] = [];
    const hook = zapierHooks()
      .post(new URL(SECOND_TARGET_URL).pathname, (sent) => forwarded.push(sent) > 0)
      .reply(200, { status: 'success' });
    const [own] = await deliver(trigger, body, inputData);
    expect(own).toEqual(asSample(operation.sample));
    expect(forwarded).toEqual([{ ...body, relayed_by: 'callbell-zapier' }]);
    probe.done();
    hook.done();
  });

  it('the last Zap out removes the webhook', async () => {
    callbellApi()
      .post(`${API_PATH}/webhooks/subscribe`)
      .reply(200, { webhook: { url: TARGET_URL, subscriptions: events } });
    const subscribeData = await appTester(
      operation.performSubscribe,
      bundleWith(inputData, { targetUrl: TARGET_URL }),
      true,
    );
    const scope = callbellApi()
      .delete(`${API_PATH}/webhooks/unsubscribe`)
      .reply(200, { status: 'webhook was destroyed' });
    const result = await appTester(
      operation.performUnsubscribe,
      bundleWith(inputData, { subscribeData }),
    );
    expect(result).toEqual({ status: 'webhook was destroyed' });
    scope.done();
  });

  it('turns off even when the webhook is already gone', async () => {
    const scope = callbellApi()
      .delete(`${API_PATH}/webhooks/unsubscribe`)
      .reply(404, { error: 'Webhook not found' });
    await expect(
      appTester(
        operation.performUnsubscribe,
        bundleWith(inputData, { subscribeData: { id: TARGET_URL } }),
        true,
      ),
    ).resolves.toEqual({ status: 'webhook was already removed' });
    scope.done();
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

/**
 * A registry in a fresh app-tester cache, as another Zap or an older version left it. A JSON
 * copy: core's cache refuses a value that holds one list twice.
 */
export function seedRegistry(stored: object) {
  const copy: unknown = JSON.parse(JSON.stringify(stored));
  return appTester((z: ZObject) => z.cache.set(registryKey(API_KEY), copy, 60), bundleWith(), true);
}
