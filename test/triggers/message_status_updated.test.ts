import { messageStatusUpdatedTrigger } from '../../src/triggers/message_status_updated';
import { API_PATH, appTester, bundleWith, callbellApi } from '../helpers/app';
import {
  deliver,
  deliveryLog,
  documentedDelivery,
  itBehavesLikeAHookTrigger,
} from '../helpers/hook-trigger';

const read = documentedDelivery('message_status_updated');

function withStatus(status: string, messageStatusPayload: object = {}) {
  return {
    event: 'message_status_updated',
    payload: { ...read.payload, status, messageStatusPayload },
  };
}

describe('message_status_updated', () => {
  itBehavesLikeAHookTrigger(messageStatusUpdatedTrigger, { events: ['message_status_updated'] });

  it('hands the Zap the message uuid, status, time and contact', async () => {
    const [output] = await deliver(messageStatusUpdatedTrigger, read);
    expect(output).toMatchObject({
      id: 'adf3d1216d4c4dcd908199d6700f2381-7de593058416203f',
      uuid: 'adf3d1216d4c4dcd908199d6700f2381',
      status: 'read',
      created_at: '2023-06-12T09:58:33.000Z',
      failure_reason: null,
      contact: { name: 'John Doe', phoneNumberE164: '+33612345678' },
    });
  });

  // message_status_updated.md: a mismatch carries the corrected number in the inner payload.
  it('hands on the raw status payload, as fields and as JSON', async () => {
    const mismatch = { type: 'mismatch', payload: { phone: '+5511987654321', ts: 1686563913 } };
    const [output] = await deliver(messageStatusUpdatedTrigger, withStatus('mismatch', mismatch));
    expect(output).toMatchObject({
      status: 'mismatch',
      // Epoch times as ISO 8601 (Zapier's build guidelines), the JSON as it came.
      status_payload: {
        type: 'mismatch',
        payload: { phone: '+5511987654321', ts: '2023-06-12T09:58:33.000Z' },
      },
      status_payload_json: JSON.stringify(mismatch),
    });
  });

  it('gives each status of one message its own id', async () => {
    const ids = [];
    for (const status of ['sent', 'delivered', 'read']) {
      const [output] = await deliver(messageStatusUpdatedTrigger, withStatus(status));
      ids.push(output?.id);
    }
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^adf3d1216d4c4dcd908199d6700f2381-[0-9a-f]{16}$/);
  });

  it('gives a message that fails twice, for different reasons, two ids', async () => {
    const failure = (reason: string) =>
      withStatus('failed', { type: 'failed', payload: { reason } });
    const [first] = await deliver(
      messageStatusUpdatedTrigger,
      failure('Number Does Not Exists On WhatsApp'),
    );
    const [second] = await deliver(messageStatusUpdatedTrigger, failure('Message expired'));
    const [again] = await deliver(messageStatusUpdatedTrigger, failure('Message expired'));
    expect(second?.id).not.toBe(first?.id);
    expect(again?.id).toBe(second?.id);
  });

  it.each([
    [
      { type: 'failed', payload: { code: 1002, reason: 'Number Does Not Exists On WhatsApp' } },
      'Number Does Not Exists On WhatsApp',
    ],
    [
      {
        errors: [
          {
            code: 131047,
            title: 'Re-engagement message',
            message: 'Re-engagement message',
            error_data: {
              details:
                'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
            },
          },
        ],
      },
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    ],
    [{ errors: [{ code: 131026, title: 'Message Undeliverable' }] }, 'Message Undeliverable'],
    [{ reason: 'Blocked by user' }, 'Blocked by user'],
    [{}, null],
  ])('reads the failure reason from %j', async (messageStatusPayload, reason) => {
    const [output] = await deliver(
      messageStatusUpdatedTrigger,
      withStatus('failed', messageStatusPayload),
    );
    expect(output?.failure_reason).toBe(reason);
  });

  it('lets through only the chosen statuses', async () => {
    const statuses = ['delivered', 'failed'];
    const passed = [];
    for (const status of ['enqueued', 'sent', 'delivered', 'read', 'failed', 'mismatch']) {
      passed.push(
        ...(await deliver(messageStatusUpdatedTrigger, withStatus(status), { statuses })),
      );
    }
    expect(passed.map((output) => output.status)).toEqual(['delivered', 'failed']);
  });

  it('fills the Zap editor test from the delivery log with the chosen statuses', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/webhooks/events`)
      .query({ subscriptions: 'message_status_updated', items: '10', page: '1' })
      .reply(200, deliveryLog([read, withStatus('failed', { reason: 'Blocked by user' })]));
    const outputs = await appTester(
      messageStatusUpdatedTrigger.operation.performList,
      bundleWith({ statuses: ['failed'] }),
    );
    expect(outputs.map((output) => [output.status, output.failure_reason])).toEqual([
      ['failed', 'Blocked by user'],
    ]);
    scope.done();
  });

  it('leaves the Zap editor to the static sample when nothing was logged yet', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/webhooks/events`)
      .query(true)
      .reply(200, deliveryLog([]));
    await expect(
      appTester(messageStatusUpdatedTrigger.operation.performList, bundleWith({})),
    ).resolves.toEqual([]);
    scope.done();
  });
});
