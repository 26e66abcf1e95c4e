import type nock from 'nock';
import type { Bundle } from 'zapier-platform-core';
import { stringList, stringOrNull, type JsonObject } from '../../src/values';
import type { CallbellEvent, HookOutput } from '../../src/webhooks/events';
import {
  hookTrigger,
  ONE_WEBHOOK_NOTICE,
  type HookTriggerSpec,
} from '../../src/webhooks/hook-trigger';
import contact from '../fixtures/contact.json';
import { API_PATH, appTester, bundleWith, callbellApi } from '../helpers/app';
import { deliver, deliveryLog, TARGET_URL } from '../helpers/hook-trigger';
import { failureDetails } from '../helpers/callbell-request';
import { inputErrorOf } from '../helpers/operations';

/**
 * A trigger built for these tests: two events with their own readers, the events a Zap
 * subscribes to chosen in `events`, and a filter on the contact's name in `name`.
 */
const nameOf = (payload: JsonObject) => ({ name: stringOrNull(payload.name) });
const sample: HookOutput = { id: 'sample', event: 'contact_created', name: 'Ana' };
const spec: HookTriggerSpec = {
  key: 'test_contact',
  noun: 'Contact',
  label: 'Test Contact',
  description: 'Triggers when a contact is created or updated.',
  mappers: { contact_created: nameOf, contact_updated: nameOf },
  events: (bundle: Bundle) => {
    const chosen = stringList(bundle.inputData.events);
    return chosen.length ? (chosen as CallbellEvent[]) : ['contact_created', 'contact_updated'];
  },
  wants: (output, bundle) => !bundle.inputData.name || output.name === bundle.inputData.name,
  inputFields: [{ key: 'name', label: 'Name' }],
  sample,
  outputFields: [{ key: 'name', label: 'Name' }],
};
const trigger = hookTrigger(spec);
const { operation } = trigger;

const created = (name: string) => ({ event: 'contact_created', payload: { uuid: 'c1', name } });

describe('perform: one delivery from Callbell', () => {
  it("reads a delivery of the Zap's event with the event's reader, under an event id", async () => {
    const [output, ...rest] = await deliver(trigger, created('Ana'));
    expect(rest).toEqual([]);
    expect(output).toEqual({
      id: expect.stringMatching(/^c1-[0-9a-f]{16}$/),
      event: 'contact_created',
      name: 'Ana',
    });
  });

  it.each([
    [
      'an event the trigger has no reader for',
      { event: 'contact_deleted', payload: { uuid: 'c1' } },
      {},
    ],
    ['an event this Zap did not choose', created('Ana'), { events: ['contact_updated'] }],
    ["an event this Zap's filter leaves out", created('Bo'), { name: 'Ana' }],
  ])('gives nothing for %s', async (_case, body, inputData) => {
    await expect(deliver(trigger, body, inputData)).resolves.toEqual([]);
  });
});

describe("performList: the Zap editor's test", () => {
  /** Callbell's first page of contacts: one contact with this name. */
  const contactNamed = (scope: nock.Scope, name: string) =>
    scope
      .get(`${API_PATH}/contacts`)
      .query({ page: '1' })
      .reply(200, { contacts: [{ ...contact, name }] });
  const log = (bodies: unknown[]) =>
    callbellApi()
      .get(`${API_PATH}/webhooks/events`)
      .query({ subscriptions: 'contact_created,contact_updated', items: '10', page: '1' })
      .reply(200, deliveryLog(bodies));

  it("gives the log's deliveries this Zap wants, each event once", async () => {
    const scope = log([
      created('Ana'),
      created('Bo'),
      created('Ana'),
      { event: 'contact_deleted', payload: { uuid: 'c1' } },
      { status: 'ok' },
    ]);
    const outputs = await appTester(operation.performList, bundleWith({ name: 'Ana' }));
    expect(outputs).toEqual([expect.objectContaining({ event: 'contact_created', name: 'Ana' })]);
    scope.done();
  });

  it('reads records of each chosen event in turn when the log has none it wants', async () => {
    const scope = contactNamed(log([created('Bo')]), 'Ana');
    const outputs = await appTester(operation.performList, bundleWith({ name: 'Ana' }));
    expect(outputs).toEqual([expect.objectContaining({ event: 'contact_created', name: 'Ana' })]);
    scope.done();
  });

  it('moves on to the next event when the first has no record the Zap wants', async () => {
    const scope = contactNamed(contactNamed(log([]), 'Bo'), 'Ana');
    const outputs = await appTester(operation.performList, bundleWith({ name: 'Ana' }));
    expect(outputs).toEqual([expect.objectContaining({ event: 'contact_updated', name: 'Ana' })]);
    scope.done();
  });

  it('gives nothing when no source has an event the Zap wants (the editor shows the sample)', async () => {
    const scope = log([])
      .get(`${API_PATH}/contacts`)
      .times(2)
      .query({ page: '1' })
      .reply(200, { contacts: [{ ...contact, name: 'Bo' }] });
    await expect(appTester(operation.performList, bundleWith({ name: 'Ana' }))).resolves.toEqual(
      [],
    );
    scope.done();
  });
});

describe('performSubscribe: checks before any request', () => {
  it('asks for at least one event', async () => {
    const noEvents = hookTrigger({ ...spec, events: () => [] });
    const refused = noEvents.operation.performSubscribe;
    await expect(
      inputErrorOf(appTester(refused, bundleWith({}, { targetUrl: TARGET_URL }))),
    ).resolves.toBe('Events: choose at least one event for this Zap.');
  });

  it('refuses a subscribe without the URL Zapier should provide', async () => {
    const error = await appTester(operation.performSubscribe, bundleWith({})).then(
      () => new Error('subscribed'),
      (thrown: Error) => thrown,
    );
    expect(failureDetails(error)).toEqual({
      message: 'Zapier did not provide a webhook URL to subscribe.',
      code: 'NoTargetUrl',
    });
  });
});

describe('the declaration', () => {
  it("puts the one-webhook notice before the trigger's own fields", () => {
    expect(operation.inputFields).toEqual([
      expect.objectContaining({
        key: 'one_webhook_notice',
        type: 'copy',
        helpText: ONE_WEBHOOK_NOTICE,
      }),
      { key: 'name', label: 'Name' },
    ]);
  });

  it("labels the event fields its sample has, then the trigger's own", () => {
    expect(operation.outputFields).toEqual([
      { key: 'id', label: 'Event ID' },
      { key: 'event', label: 'Event Name' },
      { key: 'name', label: 'Name' },
    ]);
    const timed = hookTrigger({ ...spec, sample: { ...sample, created_at: null } });
    expect(timed.operation.outputFields).toContainEqual({
      key: 'created_at',
      label: 'Event Time',
      type: 'datetime',
    });
  });
});
