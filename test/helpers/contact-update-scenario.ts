import type { HookTrigger } from '../../src/webhooks/hook-trigger';
import { API_PATH, appTester, bundleWith, callbellApi } from './app';
import {
  deliver,
  deliveryLog,
  documentedDelivery,
  itBehavesLikeAHookTrigger,
} from './hook-trigger';

/** Callbell's documented contact_updated body, with these contact fields. */
export function contactUpdate(fields: Record<string, unknown>) {
  const { payload } = documentedDelivery('contact_updated');
  return { event: 'contact_updated', payload: { ...payload, ...fields } };
}

/**
 * What every specific contact-update trigger must do: behave like a hook trigger on
 * contact_updated, fire for a contact that matches the Zap's choice, and ignore one that does
 * not, a contact with nothing set, and the creation of a matching contact.
 */
export function itBehavesLikeAContactUpdateScenario(
  trigger: HookTrigger,
  {
    inputData,
    matching,
    other,
  }: {
    inputData: Record<string, unknown>;
    /** Contact fields that match `inputData`. */
    matching: Record<string, unknown>;
    /** Contact fields of the same kind that do not. */
    other: Record<string, unknown>;
  },
) {
  itBehavesLikeAHookTrigger(trigger, { events: ['contact_updated'], inputData, payload: matching });

  it('fires on an update of a contact that matches the choice', async () => {
    const [output] = await deliver(trigger, contactUpdate(matching), inputData);
    expect(output).toMatchObject({ event: 'contact_updated', ...matching });
  });

  it.each([
    ['another value', other],
    ['nothing set', { tags: [], assignedUser: null, team: null }],
  ])('ignores an update of a contact with %s', async (_case, fields) => {
    await expect(deliver(trigger, contactUpdate(fields), inputData)).resolves.toEqual([]);
  });

  it('ignores the creation of a contact that matches', async () => {
    const created = { event: 'contact_created', payload: contactUpdate(matching).payload };
    await expect(deliver(trigger, created, inputData)).resolves.toEqual([]);
  });

  it("shows in the Zap editor's test only the logged updates that match", async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/webhooks/events`)
      .query({ subscriptions: 'contact_updated', items: '10', page: '1' })
      .reply(200, deliveryLog([contactUpdate(other), contactUpdate({ ...matching, name: 'Ana' })]));
    const outputs = await appTester(trigger.operation.performList, bundleWith(inputData));
    expect(outputs.map((output) => output.name)).toEqual(['Ana']);
    scope.done();
  });
}
