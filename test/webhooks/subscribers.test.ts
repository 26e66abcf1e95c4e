import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { contactCreated } from '../../src/triggers/contact_created';
import { messageCreated } from '../../src/triggers/message_created';
import { newEvent } from '../../src/triggers/new_event';
import type { CallbellEvent } from '../../src/webhooks/events';
import type { HookTrigger } from '../../src/webhooks/hook-trigger';
import { RegistryStore, registryKey, type Registry } from '../../src/webhooks/registry';
import { joinZap, MAX_SUBSCRIBERS, ownUrl } from '../../src/webhooks/subscribers';
import { API_KEY, API_PATH, appTester, bundleWith, callbellApi, loggingTo } from '../helpers/app';
import { elapse, useFakeClock } from '../helpers/clock';
import { failureDetails } from '../helpers/callbell-request';
import { MissingCache, NxCache } from '../helpers/fake-cache';
import { seedRegistry, zapierHooks } from '../helpers/hook-trigger';

const hookUrl = (name: string) => `https://hooks.zapier.com/hooks/standard/42/${name}/`;
const A = hookUrl('zap-a');
const B = hookUrl('zap-b');
const C = hookUrl('zap-c');
const MESSAGES: CallbellEvent[] = ['message_created'];
const CONTACTS: CallbellEvent[] = ['contact_created'];
const BOTH: CallbellEvent[] = ['message_created', 'contact_created'];
const PROBE = { probe: true, relayed_by: 'callbell-zapier' };

/** Callbell's answer to a subscribe, and the check that exactly this was asked. */
function callbellSubscribes(url: string, events: CallbellEvent[]) {
  return callbellApi()
    .post(`${API_PATH}/webhooks/subscribe`, { url, subscriptions: events })
    .reply(200, {
      webhook: { url, subscriptions: events, createdAt: '2026-11-24T10:00:00Z', enabled: true },
    });
}

function callbellDeletes() {
  return callbellApi()
    .delete(`${API_PATH}/webhooks/unsubscribe`)
    .reply(200, { status: 'webhook was destroyed' });
}

/** Zapier's hook service answering a probe of this Zap's URL. */
function probeAnswer(url: string, status: number) {
  return zapierHooks().post(new URL(url).pathname, PROBE).reply(status, {});
}

/** Turns a Zap on; what the step logs goes into `lines`. */
function turnOn(
  trigger: HookTrigger,
  url: string,
  inputData: Record<string, unknown> = {},
  lines: string[] = [],
) {
  return appTester(
    (z: ZObject, bundle: Bundle) => trigger.operation.performSubscribe(loggingTo(z, lines), bundle),
    bundleWith(inputData, { targetUrl: url }),
  );
}

function turnOff(trigger: HookTrigger, url: string | null, lines: string[] = []) {
  const subscribeData = url ? { id: url, url } : undefined;
  return appTester(
    (z: ZObject, bundle: Bundle) =>
      trigger.operation.performUnsubscribe(loggingTo(z, lines), bundle),
    bundleWith({}, { subscribeData }),
  );
}

/** A registry as another Zap, or an older version of the app, may have left it. */
function seed(subscribers: { url: string; events: CallbellEvent[] }[], webhook: unknown) {
  const stored = {
    subscribers: subscribers.map((zap) => ({ ...zap, joinedAt: '2026-11-24T10:00:00.000Z' })),
    webhook,
    refreshedAt: new Date().toISOString(),
  };
  return seedRegistry(stored);
}

/** The registry in the app tester's cache (shared by every call of one tester). */
function registry(): Promise<Registry | null> {
  return appTester((z: ZObject) => RegistryStore.of(z, API_KEY).read(), bundleWith());
}

async function registered(): Promise<{ url: string; events: CallbellEvent[] }[]> {
  const current = await registry();
  return (current?.subscribers ?? []).map(({ url, events }) => ({ url, events }));
}

/** Zap A (New Message) is on and owns the webhook; then B (New Contact) joins. */
async function aOwnsThenBJoins() {
  callbellSubscribes(A, MESSAGES);
  await turnOn(messageCreated, A);
  callbellSubscribes(A, BOTH);
  probeAnswer(A, 200);
  await turnOn(contactCreated, B);
}

beforeEach(async () => {
  // A fresh cache for every test: the tester's cache object is replaced before this call.
  await appTester(async () => null, bundleWith(), true);
});

describe('turning a Zap on', () => {
  it('the first Zap becomes owner: the webhook points at it, for its events', async () => {
    const scope = callbellSubscribes(A, MESSAGES);
    await expect(turnOn(messageCreated, A)).resolves.toMatchObject({ id: A, url: A });
    scope.done();
    expect(await registry()).toMatchObject({
      subscribers: [{ url: A, events: MESSAGES, joinedAt: expect.any(String) }],
      webhook: { url: A, events: MESSAGES },
    });
  });

  it('a later Zap wanting nothing new joins without any Callbell request', async () => {
    callbellSubscribes(A, BOTH);
    await turnOn(newEvent, A, { events: BOTH });
    const probe = probeAnswer(A, 200);
    await expect(turnOn(messageCreated, B)).resolves.toMatchObject({ id: B, createdAt: null });
    probe.done();
    expect(await registered()).toEqual([
      { url: A, events: BOTH },
      { url: B, events: MESSAGES },
    ]);
    expect((await registry())?.webhook).toEqual({ url: A, events: BOTH });
  });

  it('a later Zap wanting more events widens the webhook, which stays with the owner', async () => {
    await aOwnsThenBJoins();
    expect(await registered()).toEqual([
      { url: A, events: MESSAGES },
      { url: B, events: CONTACTS },
    ]);
    expect((await registry())?.webhook).toEqual({ url: A, events: BOTH });
  });

  it('a Zap turned on again (Zapier resubscribes) replaces its own entry', async () => {
    await aOwnsThenBJoins();
    probeAnswer(A, 200);
    await turnOn(newEvent, B, { events: ['contact_created'] });
    expect(await registered()).toEqual([
      { url: A, events: MESSAGES },
      { url: B, events: CONTACTS },
    ]);
  });

  it("takes the webhook when the owner's Zap is gone (410), dropping the owner", async () => {
    callbellSubscribes(A, MESSAGES);
    await turnOn(messageCreated, A);
    probeAnswer(A, 410);
    const scope = callbellSubscribes(B, CONTACTS);
    await turnOn(contactCreated, B);
    scope.done();
    expect(await registered()).toEqual([{ url: B, events: CONTACTS }]);
    expect((await registry())?.webhook).toEqual({ url: B, events: CONTACTS });
  });

  it.each([
    ['answers 500', (scope: nock.Interceptor) => scope.reply(500, {})],
    ['cannot be reached', (scope: nock.Interceptor) => scope.replyWithError('ECONNRESET')],
  ])('keeps the owner when its probe %s (only 410 means gone)', async (_case, answer) => {
    callbellSubscribes(A, MESSAGES);
    await turnOn(messageCreated, A);
    answer(zapierHooks().post(new URL(A).pathname, PROBE));
    await turnOn(messageCreated, B);
    expect((await registry())?.webhook?.url).toBe(A);
    expect((await registered()).map((zap) => zap.url)).toEqual([A, B]);
  });

  it('keeps the registry as it was when Callbell refuses the subscribe', async () => {
    callbellSubscribes(A, MESSAGES);
    await turnOn(messageCreated, A);
    probeAnswer(A, 200);
    callbellApi()
      .post(`${API_PATH}/webhooks/subscribe`)
      .reply(422, { errors: { subscriptions: ['is invalid'] } });
    await expect(turnOn(contactCreated, B)).rejects.toThrow(/subscriptions/);
    expect(await registered()).toEqual([{ url: A, events: MESSAGES }]);
    expect((await registry())?.webhook).toEqual({ url: A, events: MESSAGES });
  });

  it(`refuses a Zap beyond ${MAX_SUBSCRIBERS}, before any request`, async () => {
    const cache = new NxCache(async () => undefined);
    const full = Array.from({ length: MAX_SUBSCRIBERS }, (_, n) => ({
      url: hookUrl(`zap-${n}`),
      events: MESSAGES,
      joinedAt: '2026-11-24T10:00:00.000Z',
    }));
    await cache.set(registryKey(API_KEY), {
      subscribers: full,
      webhook: { url: full[0]?.url, events: MESSAGES },
      refreshedAt: new Date().toISOString(),
    });
    const joining = appTester(
      (z: ZObject) => joinZap({ ...z, cache }, API_KEY, B, MESSAGES),
      bundleWith(),
    );
    await expect(joining).rejects.toThrow(
      `Turn off a Zap with a Callbell trigger first: one Callbell API key serves at most ${MAX_SUBSCRIBERS} such Zaps at a time.`,
    );
  });

  it('two Zaps turned on at the same moment both end up registered (a cache that honours nx)', async () => {
    const cache = new NxCache();
    const scope = callbellApi()
      .post(`${API_PATH}/webhooks/subscribe`)
      .times(2)
      .reply(200, { webhook: {} });
    // The second Zap in probes the first; which one is first is the race's to decide.
    probeAnswer(A, 200);
    probeAnswer(B, 200);
    // One tester call runs both: the tester keeps one ad-hoc function at a time.
    await appTester(
      (z: ZObject) =>
        Promise.all([
          joinZap({ ...z, cache }, API_KEY, A, MESSAGES),
          joinZap({ ...z, cache }, API_KEY, B, CONTACTS),
        ]),
      bundleWith(),
    );
    const stored = cache.stored(registryKey(API_KEY)) as Registry;
    expect(stored.subscribers.map((zap) => zap.url).sort()).toEqual([A, B]);
    expect(stored.webhook?.events).toEqual(BOTH);
    scope.done();
    expect(nock.pendingMocks()).toHaveLength(1);
    nock.cleanAll();
  });

  it("falls back to a single Zap's behaviour, and says so, when Zapier's cache is unavailable", async () => {
    const scope = callbellSubscribes(A, MESSAGES);
    const lines: string[] = [];
    const zWithout = (z: ZObject): ZObject => ({
      ...loggingTo(z, lines),
      cache: new MissingCache(),
    });
    const result = await appTester(
      (z: ZObject, bundle: Bundle) =>
        messageCreated.operation.performSubscribe(zWithout(z), bundle),
      bundleWith({}, { targetUrl: A }),
    );
    expect(result).toMatchObject({ url: A, subscriptions: MESSAGES });
    scope.done();
    expect(lines).toEqual([
      "Callbell: Zapier's cache is unavailable (No token found - cannot call RPC), so this Zap uses the account's webhook alone, as a single Zap; other Zaps of the account are not reached.",
    ]);
  });

  it('asks to try again when another Zap keeps the registry locked, without touching Callbell', async () => {
    const cache = new NxCache(async () => undefined);
    await cache.set(`${registryKey(API_KEY)}:lock`, 'another-zap', 30, undefined, true);
    useFakeClock();
    try {
      const joining = appTester(
        (z: ZObject) => joinZap({ ...z, cache }, API_KEY, A, MESSAGES),
        bundleWith(),
      ).then(
        () => null,
        (error: Error) => error,
      );
      await elapse(5_000);
      await expect(joining).resolves.toMatchObject({
        message: expect.stringContaining(
          'Another Zap of this Callbell account is being turned on or off. Wait a minute, then turn this Zap on or off again.',
        ),
      });
    } finally {
      jest.useRealTimers();
    }
  });

  it('waits while another Zap changes the registry, then joins', async () => {
    const cache = new NxCache(async () => undefined);
    const lock = `${registryKey(API_KEY)}:lock`;
    await cache.set(lock, 'another-zap', 30, undefined, true);
    setTimeout(() => void cache.delete(lock), 300);
    const scope = callbellSubscribes(A, MESSAGES);
    await appTester((z: ZObject) => joinZap({ ...z, cache }, API_KEY, A, MESSAGES), bundleWith());
    scope.done();
    expect((cache.stored(registryKey(API_KEY)) as Registry).webhook).toEqual({
      url: A,
      events: MESSAGES,
    });
  });
});

describe('turning a Zap off', () => {
  it('a Zap that is not the owner leaves; the webhook narrows to the events still wanted', async () => {
    await aOwnsThenBJoins();
    const scope = callbellSubscribes(A, MESSAGES);
    await expect(turnOff(contactCreated, B)).resolves.toEqual({
      status: 'webhook kept for 1 other Zap(s)',
    });
    scope.done();
    expect(await registered()).toEqual([{ url: A, events: MESSAGES }]);
  });

  it('a Zap whose events others still want leaves without any Callbell request', async () => {
    callbellSubscribes(A, MESSAGES);
    await turnOn(messageCreated, A);
    probeAnswer(A, 200);
    await turnOn(messageCreated, B);
    await turnOff(messageCreated, B);
    expect(await registered()).toEqual([{ url: A, events: MESSAGES }]);
  });

  it('when the owner leaves, the oldest remaining Zap takes the webhook, with one subscribe', async () => {
    await aOwnsThenBJoins();
    probeAnswer(A, 200);
    await turnOn(newEvent, C, { events: BOTH });
    probeAnswer(B, 200);
    const scope = callbellSubscribes(B, BOTH);
    await turnOff(messageCreated, A);
    scope.done();
    expect(await registered()).toEqual([
      { url: B, events: CONTACTS },
      { url: C, events: BOTH },
    ]);
    expect((await registry())?.webhook).toEqual({ url: B, events: BOTH });
  });

  it('skips a successor that is gone (410): it leaves the registry, the next one takes over', async () => {
    await aOwnsThenBJoins();
    probeAnswer(A, 200);
    await turnOn(messageCreated, C);
    probeAnswer(B, 410);
    probeAnswer(C, 200);
    const scope = callbellSubscribes(C, MESSAGES);
    await turnOff(messageCreated, A);
    scope.done();
    expect(await registered()).toEqual([{ url: C, events: MESSAGES }]);
  });

  it('only the last Zap out deletes the webhook, and the registry with it', async () => {
    await aOwnsThenBJoins();
    callbellSubscribes(A, MESSAGES);
    await turnOff(contactCreated, B);
    const scope = callbellDeletes();
    await expect(turnOff(messageCreated, A)).resolves.toEqual({
      status: 'webhook was destroyed',
    });
    scope.done();
    expect(await registry()).toBeNull();
  });

  it.each([
    ['a Zap missing from the registry', hookUrl('unknown')],
    ['a Zap Zapier did not name', null],
  ])('%s leaves the webhook to the Zaps that are registered', async (_case, url) => {
    callbellSubscribes(A, MESSAGES);
    await turnOn(messageCreated, A);
    await expect(turnOff(messageCreated, url)).resolves.toEqual({
      status: 'webhook kept for 1 other Zap(s)',
    });
    expect(await registered()).toEqual([{ url: A, events: MESSAGES }]);
  });

  it('with no registry (a Zap from before it existed), removes the webhook as a single Zap did', async () => {
    const scope = callbellDeletes();
    await expect(turnOff(messageCreated, A)).resolves.toEqual({
      status: 'webhook was destroyed',
    });
    scope.done();
  });

  it('keeps its place when Callbell fails during the hand-over, so turning off can be retried', async () => {
    await aOwnsThenBJoins();
    probeAnswer(B, 200);
    callbellApi().post(`${API_PATH}/webhooks/subscribe`).reply(503, 'down');
    await expect(turnOff(messageCreated, A)).rejects.toThrow(/temporarily unavailable/);
    expect((await registered()).map((zap) => zap.url)).toEqual([A, B]);
    expect((await registry())?.webhook?.url).toBe(A);
  });

  it("falls back to removing the webhook when Zapier's cache is unavailable", async () => {
    const scope = callbellDeletes();
    const result = await appTester(
      (z: ZObject, bundle: Bundle) =>
        messageCreated.operation.performUnsubscribe({ ...z, cache: new MissingCache() }, bundle),
      bundleWith({}, { subscribeData: { id: A } }),
    );
    expect(result).toEqual({ status: 'webhook was destroyed' });
    scope.done();
  });
});

describe('registries left in odd states', () => {
  const D = hookUrl('zap-d');
  const E = hookUrl('zap-e');
  const STATUS: CallbellEvent[] = ['message_status_updated'];

  it('a joining Zap takes a webhook whose owner is no longer registered, without probing it', async () => {
    await seed([{ url: B, events: CONTACTS }], { url: A, events: BOTH });
    const probe = probeAnswer(A, 200);
    const scope = callbellSubscribes(C, BOTH);
    await turnOn(messageCreated, C);
    scope.done();
    expect(probe.isDone()).toBe(false);
    nock.cleanAll();
  });

  it('a joining Zap takes a webhook the registry has no record of', async () => {
    await seed([{ url: B, events: CONTACTS }], null);
    const scope = callbellSubscribes(C, BOTH);
    await turnOn(messageCreated, C);
    scope.done();
    expect((await registry())?.webhook).toEqual({ url: C, events: BOTH });
  });

  it('the owner turned on again is never probed as if it were another Zap', async () => {
    callbellSubscribes(A, MESSAGES);
    await turnOn(messageCreated, A);
    const probe = probeAnswer(A, 410);
    await turnOn(messageCreated, A);
    expect(probe.isDone()).toBe(false);
    nock.cleanAll();
    expect(await registered()).toEqual([{ url: A, events: MESSAGES }]);
  });

  it('points the webhook again when its events changed but not their number', async () => {
    await seed(
      [
        { url: A, events: MESSAGES },
        { url: B, events: STATUS },
      ],
      { url: A, events: BOTH },
    );
    const scope = callbellSubscribes(A, [...MESSAGES, ...STATUS]);
    await turnOn(messageCreated, A);
    scope.done();
  });

  it('a Zap that is not the owner leaves without probing the owner', async () => {
    await aOwnsThenBJoins();
    const probe = probeAnswer(A, 410);
    callbellSubscribes(A, MESSAGES);
    await turnOff(contactCreated, B);
    expect(probe.isDone()).toBe(false);
    nock.cleanAll();
    expect((await registry())?.webhook).toEqual({ url: A, events: MESSAGES });
  });

  it('a leaving Zap hands a webhook the registry has no record of to the oldest live Zap', async () => {
    await seed(
      [
        { url: A, events: MESSAGES },
        { url: B, events: CONTACTS },
      ],
      null,
    );
    probeAnswer(A, 200);
    const scope = callbellSubscribes(A, MESSAGES);
    await turnOff(contactCreated, B);
    scope.done();
    expect(await registered()).toEqual([{ url: A, events: MESSAGES }]);
  });

  it('probes at most 3 successors: the next one takes the webhook unprobed', async () => {
    await seed(
      [A, B, C, D, E].map((url) => ({ url, events: MESSAGES })),
      { url: A, events: MESSAGES },
    );
    for (const gone of [B, C, D]) probeAnswer(gone, 410);
    const trap = probeAnswer(E, 410);
    const scope = callbellSubscribes(E, MESSAGES);
    await turnOff(messageCreated, A);
    scope.done();
    expect(trap.isDone()).toBe(false);
    nock.cleanAll();
    expect(await registered()).toEqual([{ url: E, events: MESSAGES }]);
  });
});

describe('what turning on and off says', () => {
  it('logs that a Zap takes the webhook from a gone owner', async () => {
    callbellSubscribes(A, MESSAGES);
    await turnOn(messageCreated, A);
    probeAnswer(A, 410);
    callbellSubscribes(B, CONTACTS);
    const lines: string[] = [];
    await turnOn(contactCreated, B, {}, lines);
    expect(lines).toEqual([
      'Callbell: the Zap that received the webhook is gone; this Zap takes it.',
    ]);
  });

  it('logs that a Zap missing from the registry leaves the webhook, and writes nothing', async () => {
    callbellSubscribes(A, MESSAGES);
    await turnOn(messageCreated, A);
    const before = await registry();
    const lines: string[] = [];
    await turnOff(messageCreated, hookUrl('unknown'), lines);
    expect(lines).toEqual([
      'Callbell: this Zap is not in the registry; the webhook stays for the 1 Zap(s) in it.',
    ]);
    expect(await registry()).toEqual(before);
  });

  it('logs that with no registry the webhook is removed', async () => {
    callbellDeletes();
    const lines: string[] = [];
    await turnOff(messageCreated, A, lines);
    expect(lines).toEqual(['Callbell: no Zap registry for this account; removing its webhook.']);
  });

  it.each([
    ['TooManyZaps', 'one Callbell API key serves at most'],
    ['RegistryBusy', 'Another Zap of this Callbell account is being turned on or off'],
  ])('refuses with the %s error code', async (code, words) => {
    const cache = new NxCache(async () => undefined);
    if (code === 'TooManyZaps') {
      const full = Array.from({ length: MAX_SUBSCRIBERS }, (_, n) => ({
        url: hookUrl(`zap-${n}`),
        events: MESSAGES,
      }));
      await cache.set(registryKey(API_KEY), { subscribers: full, webhook: null });
    } else {
      await cache.set(`${registryKey(API_KEY)}:lock`, 'another-zap', 30, undefined, true);
    }
    useFakeClock();
    try {
      const joining = appTester(
        (z: ZObject) => joinZap({ ...z, cache }, API_KEY, B, MESSAGES),
        bundleWith(),
      ).then(
        () => new Error('joined'),
        (error: Error) => error,
      );
      await elapse(5_000);
      const details = failureDetails(await joining);
      expect(details.code).toBe(code);
      expect(details.message).toContain(words);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("ownUrl: the Zap's own hook URL", () => {
  it.each([
    ['the target URL Zapier gives', { targetUrl: A, subscribeData: { url: B } }, A],
    ['the URL kept at subscribe', { subscribeData: { url: A, id: B } }, A],
    ['the id kept at subscribe, from before url was', { subscribeData: { id: B } }, B],
    ['nothing when Zapier says nothing', { subscribeData: 'x' }, undefined],
  ])('is %s', (_case, bundle, url) => {
    // Object.assign: subscribeData as stored by older versions, not as core types it.
    expect(ownUrl(Object.assign(bundleWith() as Bundle, bundle))).toBe(url);
  });
});
