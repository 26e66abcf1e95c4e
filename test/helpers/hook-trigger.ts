import type { Bundle, Trigger, ZObject } from 'zapier-platform-core';
import { idIncludesDeliveryTime } from '../../src/webhooks/event-id';
import { CALLBELL_EVENTS, type CallbellEvent } from '../../src/webhooks/events';
import { ONE_WEBHOOK_NOTICE } from '../../src/webhooks/hook-trigger';
import type { HookOutput } from '../../src/webhooks/events';
import { API_PATH, appTester, bundleWith, callbellApi } from './app';
import { documentedDelivery } from './fixtures';

export { documentedDelivery };

type Perform<T> = (z: ZObject, bundle: Bundle) => Promise<T>;

export interface HookOperation {
  perform: Perform<HookOutput[]>;
  performList: Perform<HookOutput[]>;
  performSubscribe: Perform<unknown>;
  performUnsubscribe: Perform<unknown>;
  sample: HookOutput;
}

export function hookOperation(trigger: Trigger): HookOperation {
  return trigger.operation as unknown as HookOperation;
}

export const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1234567/abcdef0123456789/';

/** Runs a trigger's perform on one delivery body, as Zapier does when Callbell POSTs to it. */
export function deliver(trigger: Trigger, body: unknown, inputData: Record<string, unknown> = {}) {
  return appTester(hookOperation(trigger).perform, bundleWith(inputData, { cleanedRequest: body }));
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
 * What every instant trigger must do, whatever its event: subscribe exactly its events,
 * unsubscribe (also when already gone), map Callbell's documented body to its sample, and
 * ignore everything that is not its event.
 */
export function itBehavesLikeAHookTrigger(
  trigger: Trigger,
  { events, inputData = {} }: { events: CallbellEvent[]; inputData?: Record<string, unknown> },
) {
  const operation = hookOperation(trigger);

  it('warns in its set-up step that Callbell keeps one webhook per account', () => {
    const [notice] = (trigger.operation.inputFields ?? []) as {
      type?: string;
      helpText?: string;
    }[];
    expect(notice).toMatchObject({ type: 'copy', helpText: ONE_WEBHOOK_NOTICE });
    expect(notice?.helpText).toMatch(
      /one webhook per account.*redirects the account's webhook.*\*\*New Event\*\*/,
    );
    expect(trigger.display.description).toMatch(/^Triggers when .+\.$/);
  });

  it('subscribes the Zap URL to exactly its events', async () => {
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
    );
    expect(result).toEqual({
      id: TARGET_URL,
      url: TARGET_URL,
      subscriptions: events,
      createdAt: '2026-11-24T10:00:00Z',
    });
    scope.done();
  });

  it('unsubscribes by removing the webhook', async () => {
    const scope = callbellApi()
      .delete(`${API_PATH}/webhooks/unsubscribe`)
      .reply(200, { status: 'webhook was destroyed' });
    const result = await appTester(
      operation.performUnsubscribe,
      bundleWith(inputData, { subscribeData: { id: TARGET_URL } }),
    );
    expect(result).toEqual({ status: 'webhook was destroyed' });
    scope.done();
  });

  it('turns off even when the webhook is already gone', async () => {
    const scope = callbellApi()
      .delete(`${API_PATH}/webhooks/unsubscribe`)
      .reply(404, { error: 'Webhook not found' });
    await expect(appTester(operation.performUnsubscribe, bundleWith(inputData))).resolves.toEqual({
      status: 'webhook was already removed',
    });
    scope.done();
  });

  it("maps Callbell's documented body to the trigger's sample", async () => {
    for (const event of events) {
      const [output] = await deliver(trigger, documentedDelivery(event), inputData);
      expect(output?.event).toBe(event);
      if (event === events[0]) expect(output).toEqual(sampleAsDelivered(operation.sample));
    }
  });

  it('ignores the other events, pings and bodies that are not events', async () => {
    const others = CALLBELL_EVENTS.filter((event) => !events.includes(event));
    const notEvents = [
      undefined,
      null,
      '',
      'ok',
      {},
      [],
      { status: 'ok' },
      { event: 'ping' },
      { event: events[0] },
      { event: events[0], payload: 'text' },
      { event: events[0], payload: [1, 2] },
      [documentedDelivery(events[0] as CallbellEvent)],
      { payload: documentedDelivery(events[0] as CallbellEvent).payload },
    ];
    for (const body of [...others.map(documentedDelivery), ...notEvents]) {
      await expect(deliver(trigger, body, inputData)).resolves.toEqual([]);
    }
  });
}

/**
 * The sample as a live delivery of the same body outputs it: ids of events that can repeat
 * word for word include the time of delivery, so only their readable start is the sample's.
 */
function sampleAsDelivered(sample: HookOutput): HookOutput {
  if (!idIncludesDeliveryTime(sample.event)) return sample;
  const anchor = sample.id.replace(/-[0-9a-f]{16}$/, '').replace(/[.]/g, '\\.');
  return { ...sample, id: expect.stringMatching(new RegExp(`^${anchor}-[0-9a-f]{16}$`)) };
}

/** What both conversation triggers do with their documented body. */
export function itMapsAConversationEvent(
  trigger: Trigger,
  event: 'conversation_opened' | 'conversation_closed',
  eventTime: string,
) {
  const delivery = documentedDelivery(event);

  it('hands the Zap the conversation link, time and contact', async () => {
    const [output] = await deliver(trigger, delivery);
    expect(output).toMatchObject({
      id: expect.stringMatching(/^eb2b914a977e4ab896e7b886698b3eac-[0-9a-f]{16}$/),
      event,
      created_at: eventTime,
      source: 'whatsapp',
      href: 'https://dash.callbell.eu/chat/f3670b13446b412796238b1cd78899f9',
      contact: {
        uuid: 'eb2b914a977e4ab896e7b886698b3eac',
        name: 'John Doe',
        phoneNumberE164: '+331122334455',
      },
    });
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
    const outputs = await appTester(hookOperation(trigger).performList, bundleWith({}));
    expect(outputs.map((output) => output.event)).toEqual([event]);
    scope.done();
  });
}
