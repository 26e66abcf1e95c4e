import { updateConversationFunnelCreate } from '../../src/creates/update_conversation_funnel';
import contact from '../fixtures/contact.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { inputErrorOf, run } from '../helpers/operations';

const { uuid } = contact;

describe('update_conversation_funnel', () => {
  it('moves the conversation with PUT and the funnel stage', async () => {
    const funnel = '0d6041a2-8b88-49ec-a99b-a88a078a16c1';
    const scope = callbellApi()
      .put(`${API_PATH}/contacts/${uuid}/conversation/update_funnel`, { funnel_id: funnel })
      .reply(200, { contact: { ...contact, funnelId: funnel } });
    await expect(
      run(updateConversationFunnelCreate.operation.perform, {
        contact_uuid: uuid,
        funnel_id: funnel,
      }),
    ).resolves.toMatchObject({ funnelId: funnel });
    scope.done();
  });

  it('refuses a missing funnel stage before any request', async () => {
    expect(
      await inputErrorOf(
        run(updateConversationFunnelCreate.operation.perform, { contact_uuid: uuid }),
      ),
    ).toMatch(/^Funnel Stage: a funnel stage is required/);
  });
});
