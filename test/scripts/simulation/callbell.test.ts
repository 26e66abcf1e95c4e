import { CallbellAccount, type ApiRequest } from '../../../scripts/lib/simulation/callbell';
import { Prng } from '../../../scripts/lib/simulation/prng';

const request = (
  method: string,
  path: string,
  key: string,
  body: unknown = undefined,
): ApiRequest => ({
  method,
  path: `/v1${path}`,
  query: new URLSearchParams(),
  authorization: `Bearer ${key}`,
  body,
});

const subscribe = (key: string, url: string, subscriptions = ['message_created']) =>
  request('POST', '/webhooks/subscribe', key, { url, subscriptions });

function account() {
  let deletions = 0;
  const callbell = new CallbellAccount(new Prng(2), () => (deletions += 1));
  callbell.addKey('key-a');
  callbell.addKey('key-b');
  return { callbell, deletions: () => deletions };
}

describe("the simulation's Callbell account", () => {
  it('keeps one webhook: any key of the account replaces it', async () => {
    const { callbell } = account();
    await expect(
      callbell.answer(subscribe('key-a', 'https://hooks.zapier.com/1/')),
    ).resolves.toMatchObject({
      status: 200,
      body: {
        webhook: {
          url: 'https://hooks.zapier.com/1/',
          subscriptions: ['message_created'],
          enabled: true,
        },
      },
    });
    await callbell.answer(subscribe('key-b', 'https://hooks.zapier.com/2/', ['contact_created']));
    expect(callbell.webhook).toMatchObject({
      url: 'https://hooks.zapier.com/2/',
      subscriptions: ['contact_created'],
    });
  });

  describe('connection checks (webhooks/introduction.md)', () => {
    const HOUR = 60 * 60 * 1000;
    afterEach(() => jest.useRealTimers());

    it('posts a check that is no event to the webhook, and none when there is no webhook', async () => {
      const { callbell } = account();
      const posts: [string, string][] = [];
      expect(callbell.checkConnection(() => 200)).toBeNull();
      await callbell.answer(subscribe('key-a', 'https://hooks.zapier.com/1/'));
      expect(callbell.checkConnection((url, text) => posts.push([url, text]) && 200)).toBe(200);
      expect(posts).toEqual([['https://hooks.zapier.com/1/', '{}']]);
    });

    it.each([
      ['fail for 6 hours: disabled', [0, 6 * HOUR], [410, 410], false],
      ['fail for less than 6 hours: still enabled', [0, 6 * HOUR - 1], [410, 410], true],
      [
        'answered in between: the 6 hours start again',
        [0, 3 * HOUR, 6 * HOUR],
        [410, 200, 410],
        true,
      ],
    ] as const)('checks that %s', async (_case, times, codes, enabled) => {
      jest.useFakeTimers({ now: 0 });
      const { callbell } = account();
      await callbell.answer(subscribe('key-a', 'https://hooks.zapier.com/1/'));
      times.forEach((at, index) => {
        jest.setSystemTime(at);
        callbell.checkConnection(() => codes[index] ?? 200);
      });
      expect(callbell.webhook?.enabled).toBe(enabled);
    });

    it('a subscribe enables the webhook again and starts the 6 hours afresh', async () => {
      jest.useFakeTimers({ now: 0 });
      const { callbell } = account();
      await callbell.answer(subscribe('key-a', 'https://hooks.zapier.com/1/'));
      callbell.checkConnection(() => 410);
      jest.setSystemTime(6 * HOUR);
      callbell.checkConnection(() => 410);
      expect(callbell.checkConnection(() => 200)).toBeNull();
      await callbell.answer(subscribe('key-a', 'https://hooks.zapier.com/2/'));
      jest.setSystemTime(7 * HOUR);
      expect(callbell.checkConnection(() => 410)).toBe(410);
      expect(callbell.webhook?.enabled).toBe(true);
    });
  });

  it('deletes the webhook, says so once, and answers 404 when there is none', async () => {
    const { callbell, deletions } = account();
    await callbell.answer(subscribe('key-a', 'https://hooks.zapier.com/1/'));
    await expect(
      callbell.answer(request('DELETE', '/webhooks/unsubscribe', 'key-b')),
    ).resolves.toEqual({
      status: 200,
      body: { status: 'webhook was destroyed' },
    });
    await expect(
      callbell.answer(request('DELETE', '/webhooks/unsubscribe', 'key-a')),
    ).resolves.toMatchObject({
      status: 404,
    });
    expect(callbell.webhook).toBeNull();
    expect(deletions()).toBe(1);
  });

  it('refuses a revoked or unknown key with 401', async () => {
    const { callbell } = account();
    callbell.revokeKey('key-a');
    await expect(
      callbell.answer(subscribe('key-a', 'https://hooks.zapier.com/1/')),
    ).resolves.toMatchObject({ status: 401 });
    await expect(callbell.answer(request('GET', '/auth/me', 'nope'))).resolves.toMatchObject({
      status: 401,
    });
    expect(callbell.webhook).toBeNull();
  });

  it('names the same account user whichever key asks /auth/me', async () => {
    const { callbell } = account();
    const a = await callbell.answer(request('GET', '/auth/me', 'key-a'));
    const b = await callbell.answer(request('GET', '/auth/me', 'key-b'));
    expect(a.body).toMatchObject({ status: 'ok', api_key: 'key-a' });
    expect({ ...(a.body as object), api_key: null }).toEqual({
      ...(b.body as object),
      api_key: null,
    });
  });

  it.each([
    ['no URL', { subscriptions: ['message_created'] }],
    ['a URL without protocol', { url: 'hooks.zapier.com/1/', subscriptions: ['message_created'] }],
    ['no events', { url: 'https://hooks.zapier.com/1/', subscriptions: [] }],
    ['an unknown event', { url: 'https://hooks.zapier.com/1/', subscriptions: ['ping'] }],
  ])('refuses a subscribe with %s (422) and keeps the webhook', async (_case, body) => {
    const { callbell } = account();
    await callbell.answer(subscribe('key-a', 'https://hooks.zapier.com/1/'));
    await expect(
      callbell.answer(request('POST', '/webhooks/subscribe', 'key-a', body)),
    ).resolves.toMatchObject({ status: 422 });
    expect(callbell.webhook?.url).toBe('https://hooks.zapier.com/1/');
  });

  it('fails before any change, or makes the change and loses the answer', async () => {
    const { callbell } = account();
    callbell.faults.failRate = 1;
    await expect(
      callbell.answer(subscribe('key-a', 'https://hooks.zapier.com/1/')),
    ).resolves.toMatchObject({ status: 500 });
    expect(callbell.webhook).toBeNull();
    callbell.faults.failRate = 0;
    callbell.faults.lostAnswerRate = 1;
    await expect(
      callbell.answer(subscribe('key-a', 'https://hooks.zapier.com/1/')),
    ).resolves.toMatchObject({ status: 502 });
    expect(callbell.webhook?.url).toBe('https://hooks.zapier.com/1/');
  });

  it("posts a delivery to the webhook's URL if subscribed, and logs it with the answer", async () => {
    const { callbell } = account();
    const posted: [string, string][] = [];
    const post = (url: string, text: string) => posted.push([url, text]) && 410;
    callbell.deliver('message_created', { text: 'hi' }, post);
    expect(posted).toEqual([]);
    await callbell.answer(subscribe('key-a', 'https://hooks.zapier.com/1/?token=t'));
    callbell.deliver('contact_created', { uuid: 'u' }, post);
    callbell.deliver('message_created', { text: 'hi' }, post);
    expect(posted).toEqual([
      [
        'https://hooks.zapier.com/1/?token=t',
        '{"event":"message_created","payload":{"text":"hi"}}',
      ],
    ]);
    const log = await callbell.answer({
      ...request('GET', '/webhooks/events', 'key-b'),
      query: new URLSearchParams({ subscriptions: 'message_created', items: '10', page: '1' }),
    });
    expect(log).toMatchObject({
      status: 200,
      body: {
        webhook_events: [{ event: 'message_created', success: false, response: { code: 410 } }],
        meta: { page: 1, pages: 1 },
      },
    });
  });

  it('lists the same main channel whichever key asks', async () => {
    const { callbell } = account();
    const a = await callbell.answer(request('GET', '/channels', 'key-a'));
    const b = await callbell.answer(request('GET', '/channels', 'key-b'));
    expect(a).toEqual(b);
    expect(a.body).toMatchObject({
      channels: expect.arrayContaining([expect.objectContaining({ main: true })]),
    });
  });

  it('answers 404 to calls it does not model, and lists them', async () => {
    const { callbell } = account();
    await expect(callbell.answer(request('GET', '/contacts', 'key-a'))).resolves.toMatchObject({
      status: 404,
    });
    expect(callbell.unmodelled).toEqual(['GET /contacts']);
  });
});
