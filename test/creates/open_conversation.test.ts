import { openConversationCreate } from '../../src/creates/open_conversation';
import contact from '../fixtures/contact.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { run } from '../helpers/operations';

const { uuid } = contact;

describe('open_conversation', () => {
  it('reopens the conversation of a contact found by phone', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/contacts/phone/31612345678`)
      .reply(200, { contact })
      .post(`${API_PATH}/contacts/${uuid}/conversation/open`)
      .reply(200, { contact: { ...contact, closedAt: null } });
    await expect(
      run(openConversationCreate.operation.perform, { phone: '+31 6 12345678' }),
    ).resolves.toMatchObject({
      closedAt: null,
    });
    scope.done();
  });
});
