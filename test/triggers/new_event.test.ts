import { chosenOutputFields, newEventTrigger } from '../../src/triggers/new_event';
import { CALLBELL_EVENTS } from '../../src/webhooks/events';
import { API_PATH, appTester, bundleWith, callbellApi } from '../helpers/app';
import {
  deliver,
  deliveryLog,
  documentedDelivery,
  itBehavesLikeAHookTrigger,
  TARGET_URL,
} from '../helpers/hook-trigger';

const chosen = { events: ['message_created', 'conversation_closed', 'contact_created'] };

describe('new_event', () => {
  itBehavesLikeAHookTrigger(newEventTrigger, {
    events: ['message_created', 'contact_created', 'conversation_closed'],
    inputData: chosen,
    sampleIsSubset: true,
  });

  it('handles every Callbell event when all are chosen, each named in the output', async () => {
    for (const event of CALLBELL_EVENTS) {
      const [output] = await deliver(newEventTrigger, documentedDelivery(event), {
        events: [...CALLBELL_EVENTS],
      });
      expect(output?.event).toBe(event);
      expect(typeof output?.id).toBe('string');
    }
  });

  it('gives the creation and the deletion of one contact different ids', async () => {
    const uuid = 'eb2b914a977e4ab896e7b886698b3eac';
    const all = { events: [...CALLBELL_EVENTS] };
    const [created] = await deliver(
      newEventTrigger,
      { event: 'contact_created', payload: { uuid } },
      all,
    );
    const [deleted] = await deliver(
      newEventTrigger,
      { event: 'contact_deleted', payload: { uuid } },
      all,
    );
    expect(created?.id).not.toBe(deleted?.id);
  });

  it('refuses to turn on with no event chosen, before calling Callbell', async () => {
    await expect(
      appTester(
        newEventTrigger.operation.performSubscribe,
        bundleWith({ events: [] }, { targetUrl: TARGET_URL }),
      ),
    ).rejects.toThrow('Events: choose at least one event for this Zap.');
    await expect(
      deliver(newEventTrigger, documentedDelivery('message_created'), {}),
    ).resolves.toEqual([]);
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
    const outputs = await appTester(newEventTrigger.operation.performList, bundleWith(chosen));
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
    const outputs = await appTester(newEventTrigger.operation.performList, bundleWith(chosen));
    expect(outputs.map((output) => [output.event, output.name])).toEqual([
      ['contact_created', 'Ana'],
    ]);
    scope.done();
  });

  it.each([
    [['contact_updated'], ['uuid', 'name', 'phoneNumberE164'], ['text', 'closingReason']],
    [['message_created'], ['text', 'contact__uuid'], ['closingReason']],
    [['conversation_closed', 'message_created'], ['closingReason', 'text'], []],
  ])('labels the fields of the chosen events %j', async (events, offered, absent) => {
    const fields = await appTester(chosenOutputFields, bundleWith({ events }));
    const keys = fields.map((field) => field.key);
    expect(keys).toEqual(expect.arrayContaining(offered));
    for (const key of absent) expect(keys).not.toContain(key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain('id');
  });

  it('puts the first chosen event first, in the order the user chose', async () => {
    const fields = await appTester(
      chosenOutputFields,
      bundleWith({ events: ['conversation_closed', 'message_created'] }),
    );
    expect(fields[0]?.key).toBe('source');
  });

  it('with nothing real to show, the editor test returns nothing, so Zapier shows the sample', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/webhooks/events`)
      .query(true)
      .reply(200, deliveryLog([]));
    const outputs = await appTester(
      newEventTrigger.operation.performList,
      bundleWith({ events: ['agent_status_updated', 'contact_deleted'] }),
    );
    expect(outputs).toEqual([]);
    scope.done();
  });

  it.each(CALLBELL_EVENTS.map((event) => [event]))(
    'its static sample is a subset of what a %s run gives (integration check T004)',
    async (event) => {
      const [output] = await deliver(newEventTrigger, documentedDelivery(event), {
        events: [event],
      });
      expect(Object.keys(output ?? {})).toEqual(
        expect.arrayContaining(Object.keys(newEventTrigger.operation.sample)),
      );
    },
  );
});
