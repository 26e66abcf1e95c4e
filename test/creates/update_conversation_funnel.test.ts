import { updateConversationFunnelCreate } from '../../src/creates/update_conversation_funnel';
import contact from '../fixtures/contact.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { inputErrorOf, run } from '../helpers/operations';

const { uuid } = contact;

/** GET /funnels as funnels_api/get_funnels.md shows it (two of its stages). */
const FUNNELS = {
  funnels: [
    { position: 1, name: 'Awareness', uuid: 'ff0f96b9-b003-4d0c-b14f-27f3f6868dd6' },
    { position: 2, name: 'Interest', uuid: '0d6041a2-8b88-49ec-a99b-a88a078a16c1' },
  ],
};

describe('update_conversation_funnel', () => {
  it.each([
    ['names the stage from the list', 200, FUNNELS, 'Interest'],
    ['its name empty when Callbell fails to list the stages', 500, { error: 'down' }, null],
    ['its name empty when the stage is not in the list', 200, { funnels: [] }, null],
  ])(
    'moves the conversation with one PUT and reports it done, %s',
    async (_case, status, funnels, funnelName) => {
      const funnel = '0d6041a2-8b88-49ec-a99b-a88a078a16c1';
      const scope = callbellApi()
        .put(`${API_PATH}/contacts/${uuid}/conversation/update_funnel`, { funnel_id: funnel })
        .once()
        .reply(200, { contact: { ...contact, funnelId: funnel } })
        .get(`${API_PATH}/funnels`)
        .reply(status, funnels);
      await expect(
        run(updateConversationFunnelCreate.operation.perform, {
          contact_uuid: uuid,
          funnel_id: funnel,
        }),
      ).resolves.toMatchObject({ id: uuid, funnelId: funnel, funnelName });
      scope.done();
    },
  );

  it.each([404, 405])(
    "falls back to the snippets' POST …/messages/update_funnel when the PUT answers %i",
    async (status) => {
      const funnel = '0d6041a2-8b88-49ec-a99b-a88a078a16c1';
      const scope = callbellApi()
        .put(`${API_PATH}/contacts/${uuid}/conversation/update_funnel`, { funnel_id: funnel })
        .reply(status, { error: 'Not Found' })
        .post(`${API_PATH}/contacts/${uuid}/messages/update_funnel`, { funnel_id: funnel })
        .reply(200, { contact: [{ ...contact, funnelId: funnel }] })
        .get(`${API_PATH}/funnels`)
        .reply(200, FUNNELS);
      await expect(
        run(updateConversationFunnelCreate.operation.perform, {
          contact_uuid: uuid,
          funnel_id: funnel,
        }),
      ).resolves.toMatchObject({ id: uuid, funnelId: funnel, funnelName: 'Interest' });
      scope.done();
    },
  );

  it('says the contact or stage was not found when neither route knows them', async () => {
    const scope = callbellApi()
      .put(`${API_PATH}/contacts/${uuid}/conversation/update_funnel`)
      .reply(404, { error: 'Record not found' })
      .post(`${API_PATH}/contacts/${uuid}/messages/update_funnel`)
      .reply(404, { error: 'Record not found' });
    await expect(
      run(updateConversationFunnelCreate.operation.perform, {
        contact_uuid: uuid,
        funnel_id: 'f1',
      }),
    ).rejects.toThrow(
      /could not find the contact or funnel stage .+ \(HTTP 404: Record not found\)/,
    );
    scope.done();
  });

  it.each([
    [422, /Callbell refused the request \(HTTP 422\)/],
    [500, /temporarily unavailable \(HTTP 500\)/],
  ])('does not try the second route after a PUT answered %i', async (status, message) => {
    const scope = callbellApi()
      .put(`${API_PATH}/contacts/${uuid}/conversation/update_funnel`)
      .reply(status, { error: 'no' });
    await expect(
      run(updateConversationFunnelCreate.operation.perform, {
        contact_uuid: uuid,
        funnel_id: 'f1',
      }),
    ).rejects.toThrow(message);
    scope.done();
  });

  it('refuses a missing funnel stage before any request', async () => {
    expect(
      await inputErrorOf(
        run(updateConversationFunnelCreate.operation.perform, { contact_uuid: uuid }),
      ),
    ).toMatch(/^Funnel Stage: fill in or map a funnel stage;/);
  });
});
