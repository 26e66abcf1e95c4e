import { contactCreatedTrigger } from '../../src/triggers/contact_created';
import { contactDeletedTrigger } from '../../src/triggers/contact_deleted';
import { conversationClosedTrigger } from '../../src/triggers/conversation_closed';
import { conversationOpenedTrigger } from '../../src/triggers/conversation_opened';
import { messageCreatedTrigger } from '../../src/triggers/message_created';
import contact from '../fixtures/contact.json';
import { API_PATH, appTester, bundleWith, callbellApi } from '../helpers/app';
import { deliveryLog, documentedDelivery } from '../helpers/hook-trigger';

const older = { ...contact, uuid: 'a'.repeat(32), name: 'Old', createdAt: '2026-01-01T10:00:00Z' };
const newer = {
  ...contact,
  uuid: 'b'.repeat(32),
  name: 'New',
  source: 'whatsapp',
  createdAt: '2026-11-01T10:00:00Z',
};

describe("the Zap editor's test (performList)", () => {
  it('falls through a missing webhook (404: no delivery log) to real contacts, newest first', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/webhooks/events`)
      .query(true)
      .reply(404, { error: 'Webhook not found' })
      .get(`${API_PATH}/contacts`)
      .query({ page: '1' })
      .reply(200, { contacts: [older, newer] });
    const outputs = await appTester(contactCreatedTrigger.operation.performList, bundleWith({}));
    expect(outputs.map((output) => output.name)).toEqual(['New', 'Old']);
    scope.done();
  });

  const log = () => callbellApi().get(`${API_PATH}/webhooks/events`).query(true);
  it.each([
    [
      'an outage of the log (503)',
      () => log().reply(503, {}),
      /Callbell is temporarily unavailable \(HTTP 503\)/,
    ],
    ['a refusal of the log (422)', () => log().reply(422, { error: 'nope' }), /HTTP 422/],
    ['a log answer that is no JSON', () => log().reply(200, '<html>'), /./],
    [
      'an outage of the contact list after an empty log',
      () =>
        log()
          .reply(200, deliveryLog([]))
          .get(`${API_PATH}/contacts`)
          .query({ page: '1' })
          .reply(500, {}),
      /HTTP 500/,
    ],
  ])(
    'fails on %s instead of showing the static sample as if there were no events',
    async (_, answer, message) => {
      const scope = answer();
      await expect(
        appTester(contactCreatedTrigger.operation.performList, bundleWith({})),
      ).rejects.toThrow(message);
      scope.done();
    },
  );

  it('passes on a rejected API key, so the user is asked to reconnect', async () => {
    callbellApi().get(`${API_PATH}/webhooks/events`).query(true).reply(401, {});
    await expect(
      appTester(contactCreatedTrigger.operation.performList, bundleWith({})),
    ).rejects.toMatchObject({ name: 'ExpiredAuthError' });
  });

  it('gives logged deliveries newest first', async () => {
    const early = documentedDelivery('message_created');
    const late = {
      event: 'message_created',
      payload: { ...early.payload, text: 'Later', createdAt: '2026-11-24T10:00:00Z' },
    };
    const log = deliveryLog([early, late]);
    log.webhook_events[0] = { ...log.webhook_events[0], createdAt: '2026-11-20T10:00:00Z' };
    log.webhook_events[1] = { ...log.webhook_events[1], createdAt: '2026-11-24T10:00:00Z' };
    const scope = callbellApi().get(`${API_PATH}/webhooks/events`).query(true).reply(200, log);
    const outputs = await appTester(messageCreatedTrigger.operation.performList, bundleWith({}));
    expect(outputs.map((output) => output.text)).toEqual(['Later', 'Hello']);
    scope.done();
  });

  it.each([
    ['conversation_closed', conversationClosedTrigger, { closedAt: '2026-11-02T10:00:00Z' }, true],
    ['conversation_closed', conversationClosedTrigger, { closedAt: null }, false],
    ['conversation_opened', conversationOpenedTrigger, { closedAt: null }, true],
    ['conversation_opened', conversationOpenedTrigger, { closedAt: '2026-11-02T10:00:00Z' }, false],
  ])(
    '%s reads conversations off contacts when the log is empty (%#)',
    async (_, trigger, state, shown) => {
      const scope = callbellApi()
        .get(`${API_PATH}/webhooks/events`)
        .query(true)
        .reply(200, deliveryLog([]))
        .get(`${API_PATH}/contacts`)
        .query({ page: '1' })
        .reply(200, { contacts: [{ ...newer, ...state }] });
      const outputs = await appTester(trigger.operation.performList, bundleWith({}));
      expect(outputs).toEqual(
        shown
          ? [
              expect.objectContaining({
                source: 'whatsapp',
                href: newer.conversationHref,
                closedAt: state.closedAt,
                contact: expect.objectContaining({ uuid: newer.uuid }),
              }),
            ]
          : [],
      );
      scope.done();
    },
  );

  it('returns nothing on purpose where Callbell has no list (deleted contacts)', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/webhooks/events`)
      .query(true)
      .reply(200, deliveryLog([]));
    await expect(
      appTester(contactDeletedTrigger.operation.performList, bundleWith({})),
    ).resolves.toEqual([]);
    scope.done();
  });
});
