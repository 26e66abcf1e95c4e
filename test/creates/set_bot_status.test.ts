import { performSetBotStatus } from '../../src/creates/set_bot_status';
import contact from '../fixtures/contact.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { inputErrorOf, run } from '../helpers/operations';

const { uuid } = contact;

describe('set_bot_status', () => {
  it('stops the bot for a contact', async () => {
    const scope = callbellApi()
      .post(`${API_PATH}/contacts/${uuid}/bot`, { status: 'bot_end' })
      .reply(200, {
        bot: { uuid: 'bot1', name: 'Order Assistant', status: 'bot_end', version: '3' },
      });
    await expect(
      run(performSetBotStatus, { contact_uuid: uuid, status: 'bot_end' }),
    ).resolves.toEqual({
      id: uuid,
      contact_uuid: uuid,
      status: 'bot_end',
      name: 'Order Assistant',
      conversationStartedAt: null,
      version: '3',
    });
    scope.done();
  });

  it.each([
    [{ contact_uuid: uuid }, /^Bot: choose whether to start or stop the bot/],
    [{ contact_uuid: uuid, status: 'paused' }, /^Bot: "paused" is not one of the choices/],
  ])('refuses %j before any request', async (input, message) => {
    expect(await inputErrorOf(run(performSetBotStatus, input))).toMatch(message);
  });
});
