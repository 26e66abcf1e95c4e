import { closeConversationCreate } from '../../src/creates/close_conversation';
import contact from '../fixtures/contact.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { run } from '../helpers/operations';

const { uuid } = contact;

describe('close_conversation', () => {
  it('closes the conversation of a contact given by ID and returns the contact', async () => {
    const scope = callbellApi()
      .post(`${API_PATH}/contacts/${uuid}/conversation/close`)
      .reply(200, { contact: [contact] });
    await expect(
      run(closeConversationCreate.operation.perform, { contact_uuid: uuid }),
    ).resolves.toMatchObject({
      id: uuid,
      closedAt: '2026-11-24T10:00:00Z',
    });
    scope.done();
  });
});
