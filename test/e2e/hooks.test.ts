import { CONNECTION_CHECK_BODY } from '../../sandbox/callbell/resources/webhooks';
import { hookStep, perform, startZapReceiver, useSandbox } from './helpers';

const sandbox = useSandbox();

/** Turns a Zap with this trigger on, as Zapier does: subscribe with the Zap's URL. */
function turnOn(key: string, targetUrl: string, inputData: Record<string, unknown> = {}) {
  return hookStep(sandbox(), key, 'performSubscribe', inputData, { targetUrl });
}

/** Turns it off, as Zapier does: unsubscribe, naming the Zap's URL. */
function turnOff(key: string, targetUrl: string) {
  return hookStep(sandbox(), key, 'performUnsubscribe', {}, { targetUrl });
}

/** What the Zap receives for a body Callbell delivered. */
function runZap(key: string, body: unknown, inputData: Record<string, unknown> = {}) {
  return perform<Record<string, unknown>[]>(sandbox(), 'triggers', key, inputData, {
    cleanedRequest: body,
  });
}

describe('the REST-hook round trip over real HTTP', () => {
  it('subscribe, a customer writes in, the Zap gets the message, unsubscribe', async () => {
    const zap = await startZapReceiver();
    try {
      await expect(
        turnOn('message_created', zap.url, { direction: 'received' }),
      ).resolves.toMatchObject({
        url: zap.url,
        subscriptions: ['message_created'],
      });
      sandbox().account.receive('+31 6 1234 5678', 'Where is my order?');
      await sandbox().hooks.idle();
      expect(zap.bodies).toHaveLength(1);
      const [output] = await runZap('message_created', zap.bodies[0], { direction: 'received' });
      expect(output).toMatchObject({
        event: 'message_created',
        text: 'Where is my order?',
        status: 'received',
        contact: { name: 'John Doe', phoneNumberE164: '+31612345678' },
        id: expect.any(String),
      });
      await expect(turnOff('message_created', zap.url)).resolves.toEqual({
        status: 'webhook was destroyed',
      });
      expect(sandbox().hooks.current()).toBeNull();
    } finally {
      await zap.stop();
    }
  });

  it("a status change reaches a Message Status Updated Zap, filtered, with Callbell's failure reason", async () => {
    const zap = await startZapReceiver();
    try {
      await turnOn('message_status_updated', zap.url, { statuses: ['failed'] });
      const sent = await perform(sandbox(), 'creates', 'send_message', {
        to: '+31612345678',
        text: 'Hi',
      });
      sandbox().account.advance(String(sent.uuid), 'delivered');
      sandbox().account.advance(String(sent.uuid), 'failed', 'Blocked by the user');
      await sandbox().hooks.idle();
      const outputs = [];
      for (const body of zap.bodies)
        outputs.push(...(await runZap('message_status_updated', body, { statuses: ['failed'] })));
      expect(outputs).toEqual([
        expect.objectContaining({
          uuid: sent.uuid,
          status: 'failed',
          failure_reason: 'Blocked by the user',
        }),
      ]);
      await turnOff('message_status_updated', zap.url);
    } finally {
      await zap.stop();
    }
  });

  it("Callbell's connection check gets its answer and never runs a Zap", async () => {
    const zap = await startZapReceiver();
    try {
      await turnOn('message_created', zap.url);
      await expect(sandbox().hooks.checkConnection()).resolves.toBe(200);
      expect(zap.bodies).toEqual([CONNECTION_CHECK_BODY]);
      await expect(runZap('message_created', zap.bodies[0])).resolves.toEqual([]);
      await turnOff('message_created', zap.url);
    } finally {
      await zap.stop();
    }
  });

  it("the Zap editor's test shows real events from the delivery log", async () => {
    const outputs = await hookStep(sandbox(), 'message_created', 'performList', {
      direction: 'received',
    });
    expect((outputs as { text: string }[]).map((output) => output.text)).toEqual([
      'Where is my order?',
    ]);
  });
});
