import { contactUpdatedInTeam } from '../../src/triggers/contact_updated_in_team';
import { API_PATH, appTester, bundleWith, callbellApi } from '../helpers/app';
import {
  deliver,
  deliveryLog,
  documentedDelivery,
  itBehavesLikeAHookTrigger,
} from '../helpers/hook-trigger';

const inputData = { team_uuid: '35402552d90c4041b6bcb9a3249c0263' };
const updated = (fields: Record<string, unknown>) => {
  const { payload } = documentedDelivery('contact_updated');
  return { event: 'contact_updated', payload: { ...payload, ...fields } };
};

describe('contact_updated_in_team', () => {
  itBehavesLikeAHookTrigger(contactUpdatedInTeam, {
    events: ['contact_updated'],
    inputData,
    payload: { team: { uuid: '35402552d90c4041b6bcb9a3249c0263', name: 'Support Team' } },
  });

  it('fires on an update of a contact with the chosen team', async () => {
    const [output] = await deliver(
      contactUpdatedInTeam,
      updated({ team: { uuid: '35402552d90c4041b6bcb9a3249c0263', name: 'Support Team' } }),
      inputData,
    );
    expect(output).toMatchObject({
      event: 'contact_updated',
      ...{ team: { uuid: '35402552d90c4041b6bcb9a3249c0263', name: 'Support Team' } },
    });
  });

  it.each([
    ['another value', { team: { uuid: 'aaaa0000aaaa0000aaaa0000aaaa0000', name: 'Sales' } }],
    ['none', { tags: [], assignedUser: null, team: null }],
  ])('ignores an update of a contact with %s', async (_case, fields) => {
    await expect(deliver(contactUpdatedInTeam, updated(fields), inputData)).resolves.toEqual([]);
  });

  it('ignores the creation of a contact that matches', async () => {
    const created = {
      event: 'contact_created',
      payload: updated({ team: { uuid: '35402552d90c4041b6bcb9a3249c0263', name: 'Support Team' } })
        .payload,
    };
    await expect(deliver(contactUpdatedInTeam, created, inputData)).resolves.toEqual([]);
  });

  it("shows in the Zap editor's test only the logged updates that match", async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/webhooks/events`)
      .query({ subscriptions: 'contact_updated', items: '10', page: '1' })
      .reply(
        200,
        deliveryLog([
          updated({ team: { uuid: 'aaaa0000aaaa0000aaaa0000aaaa0000', name: 'Sales' } }),
          updated({
            ...{ team: { uuid: '35402552d90c4041b6bcb9a3249c0263', name: 'Support Team' } },
            name: 'Ana',
          }),
        ]),
      );
    const outputs = await appTester(
      contactUpdatedInTeam.operation.performList,
      bundleWith(inputData),
    );
    expect(outputs.map((output) => output.name)).toEqual(['Ana']);
    scope.done();
  });
});
