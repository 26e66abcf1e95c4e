import { contactUpdatedWithTag } from '../../src/triggers/contact_updated_with_tag';
import { API_PATH, appTester, bundleWith, callbellApi } from '../helpers/app';
import {
  deliver,
  deliveryLog,
  documentedDelivery,
  itBehavesLikeAHookTrigger,
} from '../helpers/hook-trigger';

const inputData = { tag: 'vip' };
const updated = (fields: Record<string, unknown>) => {
  const { payload } = documentedDelivery('contact_updated');
  return { event: 'contact_updated', payload: { ...payload, ...fields } };
};

describe('contact_updated_with_tag', () => {
  itBehavesLikeAHookTrigger(contactUpdatedWithTag, {
    events: ['contact_updated'],
    inputData,
    payload: { tags: ['Lead', 'VIP'] },
  });

  it('fires on an update of a contact with the chosen tag, in any case', async () => {
    const [output] = await deliver(
      contactUpdatedWithTag,
      updated({ tags: ['Lead', 'VIP'] }),
      inputData,
    );
    expect(output).toMatchObject({ event: 'contact_updated', ...{ tags: ['Lead', 'VIP'] } });
  });

  it.each([
    ['another value', { tags: ['Lead'] }],
    ['none', { tags: [], assignedUser: null, team: null }],
  ])('ignores an update of a contact with %s', async (_case, fields) => {
    await expect(deliver(contactUpdatedWithTag, updated(fields), inputData)).resolves.toEqual([]);
  });

  it('ignores the creation of a contact that matches', async () => {
    const created = {
      event: 'contact_created',
      payload: updated({ tags: ['Lead', 'VIP'] }).payload,
    };
    await expect(deliver(contactUpdatedWithTag, created, inputData)).resolves.toEqual([]);
  });

  it("shows in the Zap editor's test only the logged updates that match", async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/webhooks/events`)
      .query({ subscriptions: 'contact_updated', items: '10', page: '1' })
      .reply(
        200,
        deliveryLog([
          updated({ tags: ['Lead'] }),
          updated({ ...{ tags: ['Lead', 'VIP'] }, name: 'Ana' }),
        ]),
      );
    const outputs = await appTester(
      contactUpdatedWithTag.operation.performList,
      bundleWith(inputData),
    );
    expect(outputs.map((output) => output.name)).toEqual(['Ana']);
    scope.done();
  });
});
