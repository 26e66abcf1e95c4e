import { performSetBotStatus } from '../../src/creates/set_bot_status';
import contact from '../fixtures/contact.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { failure } from '../helpers/callbell-request';
import { inputErrorOf, run } from '../helpers/operations';

const { uuid } = contact;

describe('set_bot_status', () => {
  it('stops the bot for a contact', async () => {
    const scope = callbellApi()
      .post(`${API_PATH}/contacts/${uuid}/bot`, { status: 'bot_end' })
      .reply(200, {
        bot: {
          uuid: 'f7155fc557b74597b429bd3dbb5ca677',
          name: 'Order Assistant',
          status: 'ended',
          version: 5,
          latestBotVersion: true,
        },
      });
    await expect(
      run(performSetBotStatus, { contact_uuid: uuid, status: 'bot_end' }),
    ).resolves.toEqual({
      id: uuid,
      contact_uuid: uuid,
      status: 'ended',
      name: 'Order Assistant',
      conversationStartedAt: null,
      version: 5,
      latestBotVersion: true,
    });
    scope.done();
  });

  // object_types/bot.md: `in_progress`, `started`, `ended`; the request says bot_start/bot_end.
  it.each([
    ['bot_start', 'ended', /asked to start .* "ended"/],
    ['bot_end', 'started', /asked to stop .* "started"/],
    ['bot_end', 'in_progress', /asked to stop .* "in_progress"/],
  ])('fails loudly when asked %s and Callbell answers %s', async (asked, answered, message) => {
    callbellApi()
      .post(`${API_PATH}/contacts/${uuid}/bot`, { status: asked })
      .reply(200, { bot: { status: answered, version: 5 } });
    const { message: said, code } = await failure(performSetBotStatus, {
      contact_uuid: uuid,
      status: asked,
    });
    expect(code).toBe('BotStatusUnchanged');
    expect(said).toMatch(message);
    expect(said?.length).toBeLessThanOrEqual(250);
  });

  it('keeps a status it does not know, rather than inventing one', async () => {
    callbellApi()
      .post(`${API_PATH}/contacts/${uuid}/bot`, { status: 'bot_start' })
      .reply(200, { bot: { name: 'My Bot' } });
    await expect(
      run(performSetBotStatus, { contact_uuid: uuid, status: 'bot_start' }),
    ).resolves.toMatchObject({ status: null, version: null });
  });

  it.each([
    [{ contact_uuid: uuid }, /^Bot: choose whether to start or stop the bot/],
    [{ contact_uuid: uuid, status: 'paused' }, /^Bot: "paused" is not one of the choices/],
  ])('refuses %j before any request', async (input, message) => {
    expect(await inputErrorOf(run(performSetBotStatus, input))).toMatch(message);
  });
});
