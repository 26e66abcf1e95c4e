import type { Bundle, Create, ZObject } from 'zapier-platform-core';
import { closeConversationCreate } from '../../src/creates/close_conversation';
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

describe('close_conversation', () => {
  it('closes the conversation of a contact given by ID and returns the contact', async () => {
    const scope = callbellApi()
      .post(`${API_PATH}/contacts/${uuid}/conversation/close`)
      .reply(200, { contact: [contact] });
    await expect(
      run(performOf(closeConversationCreate), { contact_uuid: uuid }),
    ).resolves.toMatchObject({
      id: uuid,
      closedAt: '2026-11-24T10:00:00Z',
    });
    scope.done();
  });
});
