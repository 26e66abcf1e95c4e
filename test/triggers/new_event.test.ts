import { newEvent } from '../../src/triggers/new_event';
import { CALLBELL_EVENTS } from '../../src/webhooks/events';
import { API_PATH, appTester, bundleWith, callbellApi } from '../helpers/app';
import {
  deliver,
  deliveryLog,
  documentedDelivery,
  hookOperation,
  itBehavesLikeAHookTrigger,
  TARGET_URL,
} from '../helpers/hook-trigger';

const chosen = { events: ['message_created', 'conversation_closed', 'contact_created'] };

describe('new_event', () => {
  itBehavesLikeAHookTrigger(newEvent, {
    events: ['message_created', 'contact_created', 'conversation_closed'],
    inputData: chosen,
  });

  it('handles every Callbell event when all are chosen, each named in the output', async () => {
    for (const event of CALLBELL_EVENTS) {
      const [output] = await deliver(newEvent, documentedDelivery(event), {
        events: [...CALLBELL_EVENTS],
      });
      expect(output?.event).toBe(event);
      expect(typeof output?.id).toBe('string');
    }
  });

  it('gives the creation and the deletion of one contact different ids', async () => {
    const uuid = 'eb2b914a977e4ab896e7b886698b3eac';
    const all = { events: [...CALLBELL_EVENTS] };
    const [created] = await deliver(newEvent, { event: 'contact_created', payload: { uuid } }, all);
    const [deleted] = await deliver(newEvent, { event: 'contact_deleted', payload: { uuid } }, all);
    expect(created?.id).not.toBe(deleted?.id);
  });

  it('refuses to turn on with no event chosen, before calling Callbell', async () => {
    await expect(
      appTester(
        hookOperation(newEvent).performSubscribe,
        bundleWith({ events: [] }, { targetUrl: TARGET_URL }),
      ),
    ).rejects.toThrow('Events: choose at least one event for this Zap.');
    await expect(deliver(newEvent, documentedDelivery('message_created'), {})).resolves.toEqual([]);
  });

  it('asks the delivery log for all chosen events at once', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/webhooks/events`)
      .query({
        subscriptions: 'message_created,contact_created,conversation_closed',
        items: '10',
        page: '1',
      })
      .reply(
        200,
        deliveryLog([
          documentedDelivery('conversation_closed'),
          documentedDelivery('message_created'),
        ]),
      );
    const outputs = await appTester(hookOperation(newEvent).performList, bundleWith(chosen));
    expect(outputs.map((output) => output.event)).toEqual([
      'conversation_closed',
      'message_created',
    ]);
    scope.done();
  });

  it('falls back to real records of the first chosen event that has them', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/webhooks/events`)
      .query(true)
      .reply(200, deliveryLog([]))
      .get(`${API_PATH}/contacts`)
      .query({ page: '1' })
      .reply(200, { contacts: [] })
      .get(`${API_PATH}/contacts`)
      .query({ page: '1' })
      .reply(200, { contacts: [{ uuid: 'aaaa0000aaaa0000aaaa0000aaaa0000', name: 'Ana' }] });
    const outputs = await appTester(hookOperation(newEvent).performList, bundleWith(chosen));
    expect(outputs.map((output) => [output.event, output.name])).toEqual([
      ['contact_created', 'Ana'],
    ]);
    scope.done();
  });
});
