import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { STEP_BUDGET_MS } from '../../src/client/step';
import { contactCreatedTrigger } from '../../src/triggers/contact_created';
import { messageCreatedTrigger } from '../../src/triggers/message_created';
import { CALLBELL_EVENTS, type CallbellEvent } from '../../src/webhooks/events';
import type { HookTrigger } from '../../src/webhooks/hook-trigger';
import type { SubscribeData } from '../../src/webhooks/subscribe-data';
import { MAX_SUBSCRIBERS } from '../../src/webhooks/subscribers';
import { API_KEY, API_PATH, appTester, callbellApi } from '../helpers/app';
import { elapse, later, useFakeClock } from '../helpers/clock';
import { FaultyCache, type CacheFault } from '../helpers/fake-cache';
import { callbellAccount, callbellSubscribes, zapierHooks } from '../helpers/hook-trigger';

// Turning Zaps on and off (src/webhooks/subscribers.ts). Each test names the finding of issue
// #21 it proves fixed and the invariant it holds.

const hookUrl = (name: string) => `https://hooks.zapier.com/hooks/standard/42/${name}/`;
const [A, B, C, D] = ['zap-a', 'zap-b', 'zap-c', 'zap-d'].map(hookUrl) as [
  string,
  string,
  string,
  string,
];
const MESSAGES: CallbellEvent[] = ['message_created'];
const CONTACTS: CallbellEvent[] = ['contact_created'];
const BOTH: CallbellEvent[] = ['message_created', 'contact_created'];
const EVERY_EVENT: CallbellEvent[] = [...CALLBELL_EVENTS];

let cache: FaultyCache;
let lines: string[];

beforeEach(() => {
  cache = new FaultyCache();
  lines = [];
});

// A test that moves Date.now leaves it moved for the next unless it is put back (clearMocks
// keeps a spy's return value).
afterEach(() => {
  jest.restoreAllMocks();
});

/** Runs a hook step as Zapier would, on this test's cache, its log lines kept in `lines`. */
function step<T>(
  run: (z: ZObject, bundle: Bundle) => Promise<unknown>,
  extra: Partial<Bundle>,
  key = API_KEY,
): Promise<T> {
  const withCache = (z: ZObject, bundle: Bundle) =>
    run(
      { ...z, cache, console: { ...z.console, log: (line: string) => lines.push(line) } },
      bundle,
    );
  return appTester(withCache, {
    authData: { api_key: key },
    inputData: {},
    ...extra,
  }) as Promise<T>;
}

function turnOn(url: string, trigger: HookTrigger = messageCreatedTrigger, key = API_KEY) {
  return step<SubscribeData>(trigger.operation.performSubscribe, { targetUrl: url }, key);
}

function turnOff(data: SubscribeData, trigger: HookTrigger = messageCreatedTrigger) {
  return step<{ status: string }>(trigger.operation.performUnsubscribe, {
    targetUrl: data.url,
    subscribeData: data,
  });
}

/** Turns on a Zap after others: Callbell's channels are read, the registry is there. */
async function joins(url: string, events: CallbellEvent[], trigger?: HookTrigger) {
  callbellAccount({ log: false });
  const scope = callbellSubscribes(url, events);
  const data = await turnOn(url, trigger);
  scope.done();
  return data;
}

/** The first Zap finds no list: it cannot tell that from a cache that forgot the others. */
async function first(url: string, trigger?: HookTrigger) {
  callbellAccount();
  callbellSubscribes(url, EVERY_EVENT);
  return turnOn(url, trigger);
}

function probe(url: string, status: number, times = 1) {
  return zapierHooks()
    .post(new URL(url).pathname, { callbell_zapier_probe: true })
    .times(times)
    .reply(status, {});
}

/** Callbell's log of the deliveries it failed to make, as a repair reads it (status=failed). */
function failedLog(entries: object[] = []) {
  return callbellApi()
    .get(`${API_PATH}/webhooks/events`)
    .query({ status: 'failed', items: '25', page: '1' })
    .reply(200, { webhook_events: entries });
}

/** A message Callbell failed to deliver at `createdAt`. */
const failedMessage = (text: string, createdAt: string) => ({
  event: 'message_created',
  payload: { text, status: 'received', contact: { uuid: 'c1' } },
  success: false,
  createdAt,
});

/** Zapier's hook service taking `times` relays to `url`; the texts relayed land in `texts`. */
function relaysTo(url: string, texts: string[], times = 1) {
  return zapierHooks()
    .post(
      new URL(url).pathname,
      (body: { payload: { text: string } }) => texts.push(body.payload.text) > 0,
    )
    .times(times)
    .reply(200, {});
}

function callbellDeletes() {
  return callbellApi()
    .delete(`${API_PATH}/webhooks/unsubscribe`)
    .reply(200, { status: 'webhook was destroyed' });
}

/** The error text Zapier shows for a step that failed with a z.errors error. */
async function errorOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => new Error('the step succeeded'),
    (reason: unknown) => reason,
  );
  const text = error instanceof Error ? error.message : String(error);
  try {
    return (JSON.parse(text) as { message: string }).message;
  } catch {
    return text;
  }
}

const FAULTS: [string, 'get' | 'set', CacheFault][] = [
  ['a cache read throws', 'get', 'throw'],
  ['a cache write answers false (write budget spent)', 'set', 'false'],
  ['a cache write fails with 413', 'set', '413'],
];

describe('turning a Zap on', () => {
  it('the first Zap takes the webhook for every event (with no list it may be a cache that forgot older Zaps); its subscribe data lists no other Zap', async () => {
    const account = callbellAccount();
    const scope = callbellSubscribes(A, EVERY_EVENT);
    await expect(turnOn(A)).resolves.toMatchObject({ id: A, url: A, zaps: [] });
    account.done();
    scope.done();
  });

  it('the newest Zap takes the webhook for every event wanted and lists the older ones (invariant: cache loss loses no Zap)', async () => {
    const a = await first(A);
    const b = await joins(B, BOTH, contactCreatedTrigger);
    expect(b).toMatchObject({ url: B, secret: a.secret, zaps: [{ url: A, events: MESSAGES }] });
    const c = await joins(C, BOTH);
    expect(c.zaps).toEqual([
      { url: A, events: MESSAGES },
      { url: B, events: CONTACTS },
    ]);
  });

  it('a Zap that finds no list and an empty delivery log takes the webhook and remembers it took it knowing no other Zap; the next Zap, finding the list, does not', async () => {
    const a = await first(A);
    expect(Date.parse(a.unlistedSince ?? '')).toBeGreaterThan(0);
    const b = await joins(B, MESSAGES);
    expect(b).not.toHaveProperty('unlistedSince');
    expect(b.zaps).toEqual([{ url: A, events: MESSAGES }]);
  });

  it('a Zap turned on again is listed once', async () => {
    await first(A);
    await joins(B, MESSAGES);
    const again = await joins(A, MESSAGES);
    expect(again.zaps).toEqual([{ url: B, events: MESSAGES }]);
  });

  it(`refuses a Zap beyond ${MAX_SUBSCRIBERS}, before Callbell is asked to change anything`, async () => {
    const a = await first(A);
    await cache.set(a.registry, {
      secret: a.secret,
      zaps: Array.from({ length: MAX_SUBSCRIBERS }, (_, n) => ({
        url: hookUrl(`zap-${n}`),
        events: MESSAGES,
        joinedAt: '2026-11-24T10:00:00.000Z',
      })),
      gone: [],
    });
    callbellAccount({ log: false });
    await expect(errorOf(turnOn(B))).resolves.toBe(
      `Turn off a Zap with a Callbell trigger first: one Callbell account serves at most ${MAX_SUBSCRIBERS} such Zaps at a time.`,
    );
  });

  it.each(FAULTS)(
    'finding 1 and 5: when %s, the turn-on fails before Callbell is asked to point the webhook at it, having checked that the Zap holding the webhook answers (invariant: never destroy shared state on doubt)',
    async (_case, method, fault) => {
      const a = await first(A);
      cache.fail(method, fault, a.registry);
      callbellAccount({ log: false });
      // The turn-on probes the webhook's Zap, found live, so its failed write repairs nothing; a
      // cache that cannot be read says nothing to probe.
      const alive = method === 'get' ? null : probe(A, 200);
      await expect(errorOf(turnOn(B))).resolves.toMatch(
        /^Turn this Zap on again in a minute: Zapier's cache, which lists the Zaps sharing Callbell's one webhook, failed \(.+\)\.$/,
      );
      // No subscribe was answered: any request to Callbell's subscribe would have failed the
      // step with nock's own error instead. The webhook's Zap was probed, and found live.
      expect(nock.pendingMocks()).toEqual([]);
      alive?.done();
    },
  );

  it("a turn-on that fails on the cache after finding the webhook's Zap gone still moves the webhook to the newest live Zap and passes on what it missed (invariant: failed steps leave nothing broken)", async () => {
    await first(A);
    const b = await joins(B, MESSAGES);
    // B was deleted without its turn-off; the next turn-on's write of the list is refused.
    cache.fail('set', 'false', b.registry);
    callbellAccount({ log: false });
    const gone = probe(B, 410, 2);
    const alive = probe(A, 200);
    const moves = callbellSubscribes(A, MESSAGES);
    const log = failedLog([
      failedMessage('Anyone there?', new Date(Date.now() + 1_000).toISOString()),
    ]);
    const relayed: string[] = [];
    const hook = relaysTo(A, relayed);
    await expect(errorOf(turnOn(C))).resolves.toMatch(
      /^Turn this Zap on again in a minute: Zapier's cache, .* failed \(.+\)\.$/,
    );
    for (const scope of [gone, alive, moves, log, hook]) scope.done();
    expect(relayed).toEqual(['Anyone there?']);
  });

  it("finding 5: a registry the cache lost while Callbell's webhook delivers: the turn-on waits for the owner to write it back, then joins (invariant: cache loss loses no Zap)", async () => {
    const a = await first(A);
    await joins(B, MESSAGES);
    cache.forget();
    const recent = new Date(Date.now() - 5_000).toISOString();
    callbellAccount({ log: [{ event: 'message_created', success: true, createdAt: recent }] });
    await expect(errorOf(turnOn(C))).resolves.toMatch(
      /^Turn this Zap on again after Callbell's next event/,
    );
    // A later delivery and still no registry: whoever receives it is no Zap of this app.
    const later = new Date(Date.now() + 60_000).toISOString();
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse(later) + 61_000);
    callbellAccount({ log: [{ event: 'message_created', success: true, createdAt: later }] });
    const scope = callbellSubscribes(C, EVERY_EVENT);
    await expect(turnOn(C)).resolves.toMatchObject({ url: C, zaps: [] });
    scope.done();
    expect(a.zaps).toEqual([]);
  });

  it('a registry lost and a webhook quiet for over a day (no owner writes the registry back): the Zap takes it', async () => {
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000).toISOString();
    callbellAccount({ log: [{ event: 'message_created', success: true, createdAt: twoDaysAgo }] });
    const scope = callbellSubscribes(A, EVERY_EVENT);
    await expect(turnOn(A)).resolves.toMatchObject({ url: A });
    scope.done();
  });

  it('a registry lost while the last deliveries failed (no one received them): the Zap takes the webhook', async () => {
    callbellAccount({
      log: [{ event: 'message_created', success: false, createdAt: new Date().toISOString() }],
    });
    const scope = callbellSubscribes(A, EVERY_EVENT);
    await expect(turnOn(A)).resolves.toMatchObject({ url: A });
    scope.done();
  });

  it('finding 3: a Zap connected with a rotated API key finds the Zaps of the old key, the registry being named after the main channel (invariant: key rotation loses no Zap)', async () => {
    await first(A);
    const rotated = 'rotated_k3y-5f2c9a';
    callbellAccount({ log: false, key: rotated });
    const scope = callbellSubscribes(B, MESSAGES, rotated);
    const b = await turnOn(B, messageCreatedTrigger, rotated);
    expect(b.zaps).toEqual([{ url: A, events: MESSAGES }]);
    scope.done();
  });

  it('a turn-on whose move of the webhook fails puts the webhook back on the Zap that had it, so Callbell does not post to a Zap Zapier leaves off (invariant: no silent loss)', async () => {
    await first(A);
    callbellAccount({ log: false });
    const fails = callbellApi()
      .post(`${API_PATH}/webhooks/subscribe`, (body: { url?: string }) =>
        String(body.url).startsWith(`${B}?`),
      )
      .times(3)
      .reply(500, { error: 'Internal Server Error' });
    const back = callbellSubscribes(A, MESSAGES);
    await expect(errorOf(turnOn(B))).resolves.toBe(
      'Turn this Zap on again in a minute: Callbell did not confirm pointing its webhook at this Zap. Your other Callbell Zaps still get their events.',
    );
    fails.done();
    back.done();
    expect(lines).toContain(
      "Callbell: this Zap's turn-on failed; the webhook is back on the Zap that had it.",
    );
  });

  /** Callbell answering every move of the webhook to `url` with `status`. */
  function movesFail(url: string, status: number, times = 3) {
    return callbellApi()
      .post(`${API_PATH}/webhooks/subscribe`, (body: { url?: string }) =>
        String(body.url).startsWith(`${url}?`),
      )
      .times(times)
      .reply(status, { error: 'no' });
  }

  it('a turn-on whose move fails and whose hand-back fails too says that turning it on again repairs it', async () => {
    await first(A);
    callbellAccount({ log: false });
    const fails = movesFail(B, 500);
    const backFails = movesFail(A, 500, 1);
    await expect(errorOf(turnOn(B))).resolves.toBe(
      'Turn this Zap on again in a minute: Callbell did not confirm pointing its webhook at this Zap. If your other Callbell Zaps stop getting events, turning this one on repairs it.',
    );
    fails.done();
    backFails.done();
  });

  it.each([
    [401, /reconnect/i],
    [403, /^(?!Turn this Zap on again)/],
  ])(
    'a turn-on whose move Callbell refuses with %i fails with that answer, and nothing is handed back (nothing moved)',
    async (status, message) => {
      await first(A);
      callbellAccount({ log: false });
      const refused = movesFail(B, status, 1);
      await expect(errorOf(turnOn(B))).resolves.toMatch(message);
      refused.done();
      expect(nock.pendingMocks()).toEqual([]);
    },
  );

  it("a turn-on over a turn-off's kept mark hands nothing back when its move fails (the list may not name the owner) and keeps the mark", async () => {
    await first(A);
    const b = await joins(B, MESSAGES);
    cache.forget();
    await errorOf(turnOff(b));
    probe(A, 200);
    callbellAccount({ log: false });
    const fails = movesFail(C, 500);
    await expect(errorOf(turnOn(C))).resolves.toMatch(/turning this one on repairs it\.$/);
    fails.done();
    expect(cache.stored(b.registry)).toMatchObject({ keptSince: expect.any(String) });
  });

  it("a turn-on that finds the webhook's Zap gone over a kept mark passes on what failed since the mark, the earlier of the two times", async () => {
    await first(A);
    await joins(B, MESSAGES);
    const d = await joins(D, MESSAGES);
    cache.forget();
    await errorOf(turnOff(d));
    const keptAt = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(keptAt + 10 * 60 * 1000);
    probe(B, 410);
    callbellAccount({ log: false });
    callbellSubscribes(C, EVERY_EVENT);
    const log = failedLog([failedMessage('Anyone?', new Date(keptAt + 30_000).toISOString())]);
    const relayed: string[] = [];
    const hook = relaysTo(A, relayed);
    await turnOn(C);
    log.done();
    hook.done();
    expect(relayed).toEqual(['Anyone?']);
  });

  describe('on the fake clock', () => {
    beforeEach(useFakeClock);
    afterEach(() => jest.useRealTimers());

    it('finding 9: a cache that never answers fails the turn-on inside the step, with nothing changed (invariant: bounded)', async () => {
      cache.fail('get', 'hang');
      callbellAccount({ log: false });
      const outcome = errorOf(turnOn(A));
      await elapse(5_000);
      await expect(outcome).resolves.toMatch(
        /^Turn this Zap on again in a minute: .*no answer within 2000 ms/,
      );
    });

    /** Lets fake time pass only while `work` waits for timers (the lock's pauses). */
    async function settled<T>(work: Promise<T>): Promise<T> {
      let done = false;
      const watched = work.finally(() => (done = true));
      for (let waited = 0; !done && waited < 25_000; waited += 500) await elapse(500);
      return watched;
    }

    it('a move of the webhook Callbell never answers is given up in time to put the webhook back on the Zap that had it, inside the step (invariant: bounded)', async () => {
      await settled(first(A));
      callbellAccount({ log: false });
      const hangs = callbellApi()
        .post(`${API_PATH}/webhooks/subscribe`, (body: { url?: string }) =>
          String(body.url).startsWith(`${B}?`),
        )
        .reply(async () => {
          await later(60_000);
          return [200, { webhook: {} }];
        });
      const back = callbellSubscribes(A, MESSAGES);
      const start = Date.now();
      let ended = Infinity;
      const outcome = settled(errorOf(turnOn(B)).finally(() => (ended = Date.now() - start)));
      await expect(outcome).resolves.toMatch(/Your other Callbell Zaps still get their events\.$/);
      expect(ended).toBeLessThanOrEqual(STEP_BUDGET_MS);
      hangs.done();
      back.done();
    }, 30_000);

    it('finding 4: two Zaps turned on at once on a cache that ignores nx: the later owner lists the other (invariant: bulk on/off)', async () => {
      await settled(first(A));
      cache.fail('set', 'ignore-nx');
      callbellAccount({ log: false });
      callbellAccount({ log: false });
      const subscribed: string[] = [];
      nock('https://api.callbell.eu')
        .post(`${API_PATH}/webhooks/subscribe`)
        .times(2)
        .reply(200, (_path, body: { url: string }) => {
          subscribed.push(body.url.split('?')[0] ?? '');
          return { webhook: body };
        });
      const [b, c] = await settled(Promise.all([turnOn(B), turnOn(C)]));
      const owner = [b, c].find((data) => data?.url === subscribed.at(-1));
      const other = owner === b ? C : B;
      expect(owner?.zaps.map((zap) => zap.url)).toEqual([A, other]);
    }, 30_000);

    it('finding 4: 20 Zaps turned on at once all succeed, and the webhook ends at one listing the 19 others (invariant: bulk on/off)', async () => {
      const urls = Array.from({ length: 20 }, (_, n) => hookUrl(`bulk-${n}`));
      const subscribed: string[] = [];
      nock('https://api.callbell.eu')
        .persist()
        .get(`${API_PATH}/channels`)
        .query(true)
        .reply(200, { channels: [{ uuid: 'main-1', main: true }], meta: { page: 1, pages: 1 } })
        .get(`${API_PATH}/webhooks/events`)
        .query(true)
        .reply(200, { webhook_events: [] })
        .post(`${API_PATH}/webhooks/subscribe`)
        .reply(200, (_path, body: { url: string }) => {
          subscribed.push(body.url.split('?')[0] ?? '');
          return { webhook: body };
        });
      const data = await settled(Promise.all(urls.map((url) => turnOn(url))));
      nock.cleanAll();
      const owner = data.find((zap) => zap.url === subscribed.at(-1));
      expect(owner?.zaps.map((zap) => zap.url).sort()).toEqual(
        urls.filter((url) => url !== owner?.url).sort(),
      );
      expect(subscribed).toHaveLength(20);
    }, 30_000);
  });
});

describe('turning a Zap off', () => {
  it('a Zap that does not own the webhook leaves without changing it', async () => {
    const a = await first(A);
    await joins(B, MESSAGES);
    const alive = probe(B, 200);
    await expect(turnOff(a)).resolves.toEqual({ status: 'webhook kept for 1 other Zap(s)' });
    alive.done();
  });

  it('the last Zap wanting an event leaves: the webhook stops sending it, and stays with its owner', async () => {
    const a = await first(A);
    await joins(B, BOTH, contactCreatedTrigger);
    const alive = probe(B, 200);
    const narrows = callbellSubscribes(B, CONTACTS);
    await expect(turnOff(a)).resolves.toEqual({ status: 'webhook kept for 1 other Zap(s)' });
    alive.done();
    narrows.done();
  });

  it('the owner hands the webhook to the newest Zap left, for the events still wanted', async () => {
    await first(A);
    await joins(B, BOTH, contactCreatedTrigger);
    const c = await joins(C, BOTH);
    const alive = probe(B, 200);
    const moves = callbellSubscribes(B, BOTH);
    await expect(turnOff(c)).resolves.toEqual({ status: 'webhook kept for 2 other Zap(s)' });
    alive.done();
    moves.done();
  });

  it('the owner skips Zaps that are gone (410) when it hands the webhook on', async () => {
    await first(A);
    await joins(B, MESSAGES);
    const c = await joins(C, MESSAGES);
    probe(B, 410);
    probe(A, 200);
    const moves = callbellSubscribes(A, MESSAGES);
    await turnOff(c);
    moves.done();
  });

  it('the last Zap out deletes the webhook when it knew the list; the next first Zap finds an empty registry and takes it at once', async () => {
    const a = await first(A);
    const b = await joins(B, MESSAGES);
    await expect(turnOff(a)).resolves.toEqual({ status: 'webhook kept for 1 other Zap(s)' });
    const deletes = callbellDeletes();
    await expect(turnOff(b)).resolves.toEqual({ status: 'webhook was destroyed' });
    deletes.done();
    await joins(C, MESSAGES);
  });

  it('the first Zap, which took the webhook with no list, keeps it when turned off, and says why (invariant: never destroy shared state on doubt)', async () => {
    const a = await first(A);
    await expect(turnOff(a)).resolves.toEqual({ status: 'webhook kept for 0 other Zap(s)' });
    expect(lines).toEqual([
      expect.stringMatching(/^Callbell: kept the account's webhook: this Zap took it when/),
    ]);
  });

  it('finding 2: with no registry in the cache the webhook is kept, and the step says what to do (invariant: never destroy shared state on doubt)', async () => {
    const a = await first(A);
    cache.forget();
    await expect(errorOf(turnOff(a))).resolves.toBe(
      "If your other Callbell Zaps stop getting events, turn one off and on again: this Zap is off, but Callbell's webhook was kept for them because Zapier's cache could not say which Zaps share it.",
    );
    expect(lines).toEqual([
      "Callbell: turning off with the webhook kept (Zapier's cache has no list of this account's Zaps).",
    ]);
  });

  it('finding 1: when a cache read throws, the webhook is kept (invariant: never destroy shared state on doubt)', async () => {
    const a = await first(A);
    cache.fail('get', 'throw', a.registry);
    await expect(errorOf(turnOff(a))).resolves.toMatch(/^If your other Callbell Zaps stop/);
  });

  it('finding 5: a turn-off that finds no registry writes back the Zaps it knows, marked partial; the next Zap turned on lists them, keeps every event on the webhook and passes on what Callbell failed to deliver meanwhile (invariant: cache loss loses no Zap)', async () => {
    await first(A);
    const b = await joins(B, MESSAGES);
    cache.forget();
    await expect(errorOf(turnOff(b))).resolves.toMatch(/^If your other Callbell Zaps stop/);
    expect(cache.stored(b.registry)).toMatchObject({
      zaps: [{ url: A, events: MESSAGES }],
      gone: [B],
      partial: true,
      keptSince: expect.any(String),
    });
    probe(A, 200);
    callbellAccount({ log: false });
    const everyEvent = callbellSubscribes(C, EVERY_EVENT);
    // B owned the webhook: what Callbell posted to it after its turn-off failed (410).
    const later = new Date(Date.now() + 1_000).toISOString();
    const log = failedLog([failedMessage('Still open?', later)]);
    const relayed: string[] = [];
    const hook = relaysTo(A, relayed);
    const c = await turnOn(C);
    everyEvent.done();
    log.done();
    hook.done();
    expect(c.zaps.map((zap) => zap.url)).toEqual([A]);
    expect(relayed).toEqual(['Still open?']);
    expect(cache.stored(c.registry)).not.toHaveProperty('keptSince');
  });

  it.each([
    ['5 minutes', 5, false, false],
    ['20 minutes', 20, false, true],
    ['20 minutes, though a delivery was answered since', 20, true, false],
  ])(
    "a turn-off %s after another Zap's turn-off kept the webhook with no list moves it to the newest Zap left only when no owner cleared the mark or answered Callbell for longer than its connection checks take",
    async (_case, minutes, answered, moves) => {
      const a = await first(A);
      await joins(B, MESSAGES);
      const c = await joins(C, MESSAGES);
      cache.forget();
      await errorOf(turnOff(c));
      const keptAt = Date.now();
      jest.spyOn(Date, 'now').mockReturnValue(keptAt + minutes * 60 * 1000);
      const sinceMark = new Date(keptAt + 60_000).toISOString();
      const log = answered
        ? [{ event: 'message_created', success: true, createdAt: sinceMark }]
        : [];
      const deliveryLog = callbellApi()
        .get(`${API_PATH}/webhooks/events`)
        .query({ items: '10', page: '1' })
        .reply(200, { webhook_events: log, meta: { page: 1, pages: 1 } });
      const alive = probe(B, 200);
      const moved = callbellSubscribes(B, EVERY_EVENT);
      const failed = failedLog();
      await turnOff(a);
      // Callbell's log is read only once the mark is older than 15 minutes.
      expect(deliveryLog.isDone()).toBe(minutes > 15);
      expect(alive.isDone()).toBe(true);
      expect(moved.isDone()).toBe(moves);
      expect(failed.isDone()).toBe(moves);
      nock.cleanAll();
    },
  );

  it.each(FAULTS.filter(([, method]) => method === 'set'))(
    'when %s after the registry was read, the change Callbell needs is still made and the log says the registry was not updated',
    async (_case, method, fault) => {
      const a = await first(A);
      const b = await joins(B, MESSAGES);
      await turnOff(a);
      lines.length = 0;
      cache.fail(method, fault, b.registry);
      const deletes = callbellDeletes();
      await expect(turnOff(b)).resolves.toEqual({ status: 'webhook was destroyed' });
      deletes.done();
      expect(lines).toEqual([
        expect.stringMatching(
          /^Callbell: the Zap registry was not updated \(.+\); the next delivery or turn-on repairs it\.$/,
        ),
      ]);
    },
  );

  it('finding 4: an owner whose turn-off failed is found gone by the next turn-off, which moves the webhook (invariant: failed turn-offs leave nothing broken)', async () => {
    await first(A);
    const b = await joins(B, MESSAGES);
    const c = await joins(C, MESSAGES);
    cache.fail('get', 'throw');
    await expect(errorOf(turnOff(c))).resolves.toMatch(/^If your other Callbell Zaps stop/);
    cache.heal();
    probe(C, 410);
    probe(A, 200);
    const moves = callbellSubscribes(A, MESSAGES);
    await expect(turnOff(b)).resolves.toEqual({ status: 'webhook kept for 1 other Zap(s)' });
    moves.done();
    // What the dead owner missed is named in this Zap's history (invariant: no silent loss).
    expect(lines).toContainEqual(
      expect.stringMatching(/^Callbell: the Zap that received the webhook is gone .* failed\.$/),
    );
  });

  it('finding 4: what Callbell failed to deliver to a gone owner is passed on by the turn-off that repairs the webhook (invariant: no silent loss)', async () => {
    await first(A);
    const b = await joins(B, MESSAGES);
    await joins(C, MESSAGES);
    const soon = new Date(Date.now() + 1_000).toISOString();
    const old = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000).toISOString();
    probe(C, 410);
    probe(A, 200);
    callbellSubscribes(A, MESSAGES);
    const log = failedLog([
      failedMessage('Hi?', soon),
      failedMessage('Hello?', soon),
      failedMessage('Old', old),
    ]);
    const relayed: string[] = [];
    relaysTo(A, relayed, 2);
    await turnOff(b);
    log.done();
    expect(relayed).toEqual(['Hi?', 'Hello?']);
    expect(lines).toContain(
      "Callbell: passed on 2 event(s) the gone Zap missed, from Callbell's log of failed deliveries: 2 of 2 forward(s) delivered.",
    );
  });

  it.each([
    ['refuses the write of its lock (the write budget is spent)', 'false'],
    ['fails the write of its lock with 413', '413'],
  ] as const)(
    "finding 4 and 5: when Zapier's cache %s and no Zap holds the lock, the owner's turn-off still hands the webhook to the newest Zap left (invariant: failed turn-offs leave nothing broken)",
    async (_case, fault) => {
      await first(A);
      await joins(B, MESSAGES);
      const c = await joins(C, MESSAGES);
      cache.fail('set', fault, `${c.registry}:lock`);
      const listed = cache.stored(c.registry);
      const alive = probe(B, 200);
      const moves = callbellSubscribes(B, MESSAGES);
      const failed = failedLog();
      await expect(turnOff(c)).resolves.toEqual({ status: 'webhook kept for 2 other Zap(s)' });
      alive.done();
      moves.done();
      failed.done();
      expect(lines).toEqual([
        "Callbell: Zapier's cache failed; no Zap holds the Zap list's lock, so this step acts on the list as read.",
      ]);
      // The list is left as it is, unlocked: the owner's next delivery drops C (410).
      expect(cache.stored(c.registry)).toEqual(listed);
    },
  );

  it('finding 2: a turn-off that read the list without its lock never deletes the webhook, even when it names no other Zap: a Zap may be being turned on (invariant: never destroy shared state on doubt)', async () => {
    const a = await first(A);
    const b = await joins(B, MESSAGES);
    probe(B, 200);
    await turnOff(a);
    cache.fail('set', 'false', `${b.registry}:lock`);
    await expect(turnOff(b)).resolves.toEqual({ status: 'webhook kept for 0 other Zap(s)' });
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^Callbell: kept the account's webhook: the list of Zaps, read without its lock/,
      ),
    );
  });

  it('a turn-off acting on the list without its lock leaves the webhook to a Zap that takes the lock meanwhile (it is changing the webhook itself)', async () => {
    await first(A);
    await joins(B, MESSAGES);
    const c = await joins(C, MESSAGES);
    const lock = `${c.registry}:lock`;
    cache.fail('set', 'false', lock);
    const listed = cache.stored(c.registry);
    const alive = zapierHooks()
      .post(new URL(B).pathname, { callbell_zapier_probe: true })
      .reply(() => {
        cache.values.set(lock, JSON.stringify('another Zap'));
        return [200, {}];
      });
    await expect(turnOff(c)).resolves.toEqual({ status: 'webhook kept for 2 other Zap(s)' });
    alive.done();
    expect(lines).toContain(
      "Callbell: left the account's webhook as it is: another Zap of this account is being turned on or off and changes it.",
    );
    expect(cache.stored(c.registry)).toEqual(listed);
  });

  it('a turn-off acting on the list without its lock never narrows the webhook: the list may lack a Zap being turned on (invariant: never destroy shared state on doubt)', async () => {
    const a = await first(A);
    const b = await joins(B, BOTH, contactCreatedTrigger);
    cache.fail('set', 'false', `${b.registry}:lock`);
    const alive = probe(B, 200);
    await expect(turnOff(a)).resolves.toEqual({ status: 'webhook kept for 1 other Zap(s)' });
    alive.done();
    // No subscribe was answered: narrowing to B's events would have failed on nock.
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('finding 5: a turn-off that finds no list without the lock writes none back: a Zap being turned on may be writing a new one', async () => {
    await first(A);
    const b = await joins(B, MESSAGES);
    cache.forget();
    cache.fail('set', 'false', `${b.registry}:lock`);
    await expect(errorOf(turnOff(b))).resolves.toMatch(/^If your other Callbell Zaps stop/);
    expect(cache.stored(b.registry)).toBeNull();
  });

  it("finding 1: when the lock's write fails and the lock cannot be read (another Zap may hold it), the webhook is kept (invariant: never destroy shared state on doubt)", async () => {
    await first(A);
    await joins(B, MESSAGES);
    const c = await joins(C, MESSAGES);
    cache.fail('set', 'false', `${c.registry}:lock`).fail('get', 'throw', `${c.registry}:lock`);
    await expect(errorOf(turnOff(c))).resolves.toMatch(/^If your other Callbell Zaps stop/);
    // Nothing was probed or asked of Callbell: any request would have failed on nock.
    expect(lines).toEqual([expect.stringMatching(/^Callbell: turning off with the webhook kept/)]);
  });

  it('finding 4: an owner whose turn-off failed is replaced by the next Zap turned on', async () => {
    await first(A);
    const b = await joins(B, MESSAGES);
    cache.fail('get', 'throw');
    await errorOf(turnOff(b));
    cache.heal();
    const d = await joins(D, MESSAGES);
    expect(d.zaps.map((zap) => zap.url)).toEqual([A, B]);
  });
});
