import { contactUpdatedForAgent } from '../../src/triggers/contact_updated_for_agent';
import { API_PATH, appTester, bundleWith, callbellApi } from '../helpers/app';
import {
  deliver,
  deliveryLog,
  documentedDelivery,
  itBehavesLikeAHookTrigger,
} from '../helpers/hook-trigger';

const inputData = { assigned_user: 'Maria@Example-Shop.com' };
const updated = (fields: Record<string, unknown>) => {
  const { payload } = documentedDelivery('contact_updated');
  return { event: 'contact_updated', payload: { ...payload, ...fields } };
};

describe('contact_updated_for_agent', () => {
  itBehavesLikeAHookTrigger(contactUpdatedForAgent, {
    events: ['contact_updated'],
    inputData,
    payload: { assignedUser: 'maria@example-shop.com' },
  });

  it('fires on an update of a contact with the chosen agent (any agent when none is chosen)', async () => {
    const [output] = await deliver(
      contactUpdatedForAgent,
      updated({ assignedUser: 'maria@example-shop.com' }),
      inputData,
    );
    expect(output).toMatchObject({
      event: 'contact_updated',
      ...{ assignedUser: 'maria@example-shop.com' },
    });
  });

  it.each([
    ['another value', { assignedUser: 'li@example-shop.com' }],
    ['none', { tags: [], assignedUser: null, team: null }],
  ])('ignores an update of a contact with %s', async (_case, fields) => {
    await expect(deliver(contactUpdatedForAgent, updated(fields), inputData)).resolves.toEqual([]);
  });

  it('with no agent chosen, fires for a contact assigned to any agent', async () => {
    const [output] = await deliver(
      contactUpdatedForAgent,
      updated({ assignedUser: 'li@example-shop.com' }),
      {},
    );
    expect(output).toMatchObject({ assignedUser: 'li@example-shop.com' });
  });

  it('ignores the creation of a contact that matches', async () => {
    const created = {
      event: 'contact_created',
      payload: updated({ assignedUser: 'maria@example-shop.com' }).payload,
    };
    await expect(deliver(contactUpdatedForAgent, created, inputData)).resolves.toEqual([]);
  });

  it("shows in the Zap editor's test only the logged updates that match", async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/webhooks/events`)
      .query({ subscriptions: 'contact_updated', items: '10', page: '1' })
      .reply(
        200,
        deliveryLog([
          updated({ assignedUser: 'li@example-shop.com' }),
          updated({ ...{ assignedUser: 'maria@example-shop.com' }, name: 'Ana' }),
        ]),
      );
    const outputs = await appTester(
      contactUpdatedForAgent.operation.performList,
      bundleWith(inputData),
    );
    expect(outputs.map((output) => output.name)).toEqual(['Ana']);
    scope.done();
  });
});
