import { performFindMessageStatus } from '../../src/searches/find_message_status';
import { API_PATH, callbellApi } from '../helpers/app';
import { inputErrorOf, run } from '../helpers/operations';

const uuid = 'adf3d1216d4c4dcd908199d6700f2381';

describe('find_message_status', () => {
  it('finds the status and the failure reason of a message', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/messages/status/${uuid}`)
      .reply(200, {
        message: {
          uuid,
          status: 'failed',
          messageStatusPayload: {
            type: 'failed',
            payload: { code: 1002, reason: 'Number Does Not Exists On WhatsApp' },
          },
        },
      });
    await expect(run(performFindMessageStatus, { message_uuid: uuid })).resolves.toEqual([
      {
        id: uuid,
        uuid,
        status: 'failed',
        failure_reason: 'Number Does Not Exists On WhatsApp',
      },
    ]);
    scope.done();
  });

  it('answers an empty result for an unknown message', async () => {
    const unknown = '00000000000000000000000000000000';
    callbellApi().get(`${API_PATH}/messages/status/${unknown}`).reply(404, '');
    await expect(run(performFindMessageStatus, { message_uuid: unknown })).resolves.toEqual([]);
  });

  it('refuses an empty message ID before any request', async () => {
    expect(await inputErrorOf(run(performFindMessageStatus, {}))).toMatch(
      /^Message: fill in or map the ID of a message sent from Callbell;/,
    );
  });
});
