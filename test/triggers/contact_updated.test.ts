import { contactUpdatedTrigger } from '../../src/triggers/contact_updated';
import { API_PATH, appTester, bundleWith, callbellApi } from '../helpers/app';
import {
  deliver,
  deliveryLog,
  documentedDelivery,
  itBehavesLikeAHookTrigger,
} from '../helpers/hook-trigger';

const updated = documentedDelivery('contact_updated');

describe('contact_updated', () => {
  afterEach(() => jest.restoreAllMocks());

  itBehavesLikeAHookTrigger(contactUpdatedTrigger, { events: ['contact_updated'] });

  it('is hidden from new Zaps, under its own key, so the Zaps built on it keep running', () => {
    expect(contactUpdatedTrigger).toMatchObject({
      key: 'contact_updated',
      display: { hidden: true },
    });
  });

  it('hands the Zap the contact; each update of one contact has its own id', async () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-20T10:00:00Z'));
    const [first] = await deliver(contactUpdatedTrigger, updated);
    const [again] = await deliver(contactUpdatedTrigger, updated);
    now.mockReturnValue(Date.parse('2026-11-20T10:01:00Z'));
    const [tagged] = await deliver(contactUpdatedTrigger, {
      event: 'contact_updated',
      payload: { ...updated.payload, tags: ['Lead', 'VIP'] },
    });
    now.mockReturnValue(Date.parse('2026-11-20T10:02:00Z'));
    // Tags changed back: the same body as the first update, delivered later.
    const [changedBack] = await deliver(contactUpdatedTrigger, updated);
    expect(first).toMatchObject({
      uuid: 'eb2b914a977e4ab896e7b886698b3eac',
      tags: ['Lead'],
    });
    expect(tagged?.tags).toEqual(['Lead', 'VIP']);
    expect(first?.id).toMatch(/^eb2b914a977e4ab896e7b886698b3eac-[0-9a-f]{16}$/);
    expect(again?.id).toBe(first?.id);
    expect(new Set([first?.id, tagged?.id, changedBack?.id]).size).toBe(3);
  });

  it('falls back to real contacts when the log is empty', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/webhooks/events`)
      .query({ subscriptions: 'contact_updated', items: '10', page: '1' })
      .reply(200, deliveryLog([]))
      .get(`${API_PATH}/contacts`)
      .query({ page: '1' })
      .reply(200, { contacts: [{ uuid: 'aaaa0000aaaa0000aaaa0000aaaa0000', name: 'Ana' }] });
    const outputs = await appTester(contactUpdatedTrigger.operation.performList, bundleWith({}));
    expect(outputs.map((output) => [output.event, output.name])).toEqual([
      ['contact_updated', 'Ana'],
    ]);
    scope.done();
  });
});
