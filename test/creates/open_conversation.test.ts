import type { Bundle, Create, ZObject } from 'zapier-platform-core';
import { openConversationCreate } from '../../src/creates/open_conversation';
import { API_PATH, callbellApi } from '../helpers/app';
import { run } from '../helpers/operations';

const uuid = 'eb2b914a977e4ab896e7b886698b3eac';
const contact = {
  uuid,
  name: 'John Doe',
  phoneNumber: '31612345678',
  closedAt: '2026-11-24T10:00:00Z',
};

function performOf(create: Create) {
  return create.operation.perform as (
    z: ZObject,
    bundle: Bundle,
  ) => Promise<Record<string, unknown>>;
}

describe('open_conversation', () => {
  it('reopens the conversation of a contact found by phone', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/contacts/phone/31612345678`)
      .reply(200, { contact })
      .post(`${API_PATH}/contacts/${uuid}/conversation/open`)
      .reply(200, { contact: { ...contact, closedAt: null } });
    await expect(
      run(performOf(openConversationCreate), { phone: '+31 6 12345678' }),
    ).resolves.toMatchObject({
      closedAt: null,
    });
    scope.done();
  });
});
