import { contactDeletedTrigger } from '../../src/triggers/contact_deleted';
import { API_PATH, appTester, bundleWith, callbellApi } from '../helpers/app';
import {
  deliver,
  deliveryLog,
  documentedDelivery,
  itBehavesLikeAHookTrigger,
} from '../helpers/hook-trigger';

describe('contact_deleted', () => {
  itBehavesLikeAHookTrigger(contactDeletedTrigger, { events: ['contact_deleted'] });

  it('hands the Zap the deleted contact uuid and time', async () => {
    await expect(
      deliver(contactDeletedTrigger, documentedDelivery('contact_deleted')),
    ).resolves.toEqual([
      {
        id: 'fad77e68757b43c3b77b51cd66ec18f3-72bd5dc49dc2e809',
        event: 'contact_deleted',
        created_at: '2022-10-17T15:15:06.095Z',
        uuid: 'fad77e68757b43c3b77b51cd66ec18f3',
        deleted: '2022-10-17T15:15:06.095Z',
      },
    ]);
  });

  it('maps the delivery log; with no log it leaves the editor to the static sample', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/webhooks/events`)
      .query({ subscriptions: 'contact_deleted', items: '10', page: '1' })
      .reply(200, deliveryLog([documentedDelivery('contact_deleted')]))
      .get(`${API_PATH}/webhooks/events`)
      .query(true)
      .reply(200, deliveryLog([]));
    const operation = contactDeletedTrigger.operation;
    await expect(appTester(operation.performList, bundleWith({}))).resolves.toHaveLength(1);
    await expect(appTester(operation.performList, bundleWith({}))).resolves.toEqual([]);
    scope.done();
  });
});
