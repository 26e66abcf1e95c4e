import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { contactCreated } from '../../src/triggers/contact_created';
import { messageCreated } from '../../src/triggers/message_created';
import type { CallbellEvent } from '../../src/webhooks/events';
import { stepOf } from '../../src/client/step';
import {
  describeForwards,
  forwardDelivery,
  FORWARD_TIMEOUT_MS,
  isGone,
  KEPT_FOR_CALLBELL_MS,
  type ForwardResult,
} from '../../src/webhooks/fan-out';
import type { HookTrigger } from '../../src/webhooks/hook-trigger';
import { RegistryStore, registryKey, type Registry } from '../../src/webhooks/registry';
import { API_KEY, appTester, bundleWith, loggingTo } from '../helpers/app';
import { elapse, useFakeClock } from '../helpers/clock';
import { MissingCache, NxCache } from '../helpers/fake-cache';
import { sampleDelivery } from '../helpers/fixtures';
import {
  documentedDelivery,
  sampleAsDelivered,
  seedRegistry,
  zapierHooks,
} from '../helpers/hook-trigger';

const hookUrl = (name: string) => `https://hooks.zapier.com/hooks/standard/42/${name}/`;
const OWNER = hookUrl('owner');
const MESSAGES: CallbellEvent[] = ['message_created'];
const CONTACTS: CallbellEvent[] = ['contact_created'];
const message = sampleDelivery('message_created');
const relayed = (body: object) => ({ ...body, relayed_by: 'callbell-zapier' });

interface Zap {
  url: string;
  events: CallbellEvent[];
}

function registryOf(zaps: Zap[], refreshedAt = new Date().toISOString()) {
  return {
    subscribers: [{ url: OWNER, events: MESSAGES }, ...zaps].map((zap) => ({
      ...zap,
      joinedAt: '2026-11-24T10:00:00.000Z',
    })),
    webhook: { url: OWNER, events: ['message_created', 'contact_created'] },
    refreshedAt,
  };
}

/** The owner plus these Zaps, in the app tester's cache (fresh for each test). */
function seed(zaps: Zap[]) {
  return seedRegistry(registryOf(zaps));
}

function registry(): Promise<Registry | null> {
  return appTester((z: ZObject) => RegistryStore.of(z, API_KEY).read(), bundleWith());
}

/** Callbell delivers `body` to the owner's Zap (`extra` adds bundle parts, e.g. targetUrl). */
function ownerReceives(
  body: unknown,
  trigger: HookTrigger = messageCreated,
  extra: Partial<Bundle> = {},
) {
  return appTester(trigger.operation.perform, bundleWith({}, { cleanedRequest: body, ...extra }));
}

/** A Zap's hook URL on Zapier's hook service, recording each body and headers it receives. */
function zapReceives(url: string, status = 200) {
  const received: { body: unknown; headers: Record<string, unknown> }[] = [];
  const scope = zapierHooks()
    .post(new URL(url).pathname, (body) => received.push({ body, headers: {} }) > 0)
    .reply(function reply(this: nock.ReplyFnContext) {
      const last = received.at(-1);
      if (last) last.headers = { ...this.req.headers };
      return [status, { status: 'success' }];
    });
  return { received, scope };
}

/** Requests nock had no answer for: a retry, a call to Callbell, a call to another host. */
const unmatched: string[] = [];
const recordUnmatched = (request: { method?: string; href?: string; path?: string }) =>
  unmatched.push(`${request.method ?? '?'} ${request.href ?? request.path ?? '?'}`);
beforeEach(() => {
  unmatched.length = 0;
  nock.emitter.on('no match', recordUnmatched);
});
afterEach(() => {
  nock.emitter.removeListener('no match', recordUnmatched);
});

describe("the owner's Zap passes Callbell's deliveries on", () => {
  it('to every other Zap that wants the event, marked as relayed, with no Callbell request', async () => {
    const second = hookUrl('second');
    const third = hookUrl('third');
    await seed([
      { url: second, events: MESSAGES },
      { url: third, events: ['message_created', 'contact_created'] },
      { url: hookUrl('contacts-only'), events: CONTACTS },
    ]);
    const toSecond = zapReceives(second);
    const toThird = zapReceives(third);
    const [own] = await ownerReceives(message);
    expect(own).toEqual(sampleAsDelivered(messageCreated.operation.sample));
    expect(toSecond.received.map((request) => request.body)).toEqual([relayed(message)]);
    expect(toThird.received.map((request) => request.body)).toEqual([relayed(message)]);
    toSecond.scope.done();
    toThird.scope.done();
    expect(unmatched).toEqual([]);
  });

  it('never with the Callbell key: no Authorization header, the key nowhere in the request', async () => {
    const second = hookUrl('second');
    await seed([{ url: second, events: MESSAGES }]);
    const toSecond = zapReceives(second);
    await ownerReceives(message);
    const [forward] = toSecond.received;
    expect(forward?.headers).not.toHaveProperty('authorization');
    expect(JSON.stringify(forward)).not.toContain(API_KEY);
    expect(forward?.headers['content-type']).toMatch(/^application\/json/);
    toSecond.scope.done();
  });

  it('never again once relayed: the receiving Zap runs it and forwards nothing', async () => {
    await seed([{ url: hookUrl('second'), events: MESSAGES }]);
    const [own] = await ownerReceives(relayed(message));
    expect(own?.event).toBe('message_created');
    expect(unmatched).toEqual([]);
  });

  it.each([
    ["Callbell's connection check", { type: 'connection_check' }],
    ['a status ping', { status: 'ok' }],
    ['an unknown event', { event: 'ping', payload: {} }],
  ])('not for %s, which is no event', async (_case, body) => {
    await seed([{ url: hookUrl('second'), events: MESSAGES }]);
    await expect(ownerReceives(body)).resolves.toEqual([]);
    expect(unmatched).toEqual([]);
  });

  it("also when the owner itself does not want the event (it listens for the others' sake)", async () => {
    const second = hookUrl('second');
    await seed([{ url: second, events: CONTACTS }]);
    const toSecond = zapReceives(second);
    const contact = documentedDelivery('contact_created');
    await expect(ownerReceives(contact)).resolves.toEqual([]);
    expect(toSecond.received.map((request) => request.body)).toEqual([relayed(contact)]);
  });

  it('not to itself when Zapier names its URL, whoever the registry says owns the webhook', async () => {
    const second = hookUrl('second');
    await seed([{ url: second, events: MESSAGES }]);
    const toOwner = zapReceives(OWNER);
    await ownerReceives(message, messageCreated, { targetUrl: second });
    expect(toOwner.received.map((request) => request.body)).toEqual([relayed(message)]);
    expect(unmatched).toEqual([]);
  });

  it('and drops a Zap that is gone (410) from the registry; the others stay', async () => {
    const gone = hookUrl('gone');
    const live = hookUrl('live');
    await seed([
      { url: gone, events: MESSAGES },
      { url: live, events: MESSAGES },
    ]);
    zapReceives(gone, 410);
    zapReceives(live);
    await ownerReceives(message);
    expect((await registry())?.subscribers.map((zap) => zap.url)).toEqual([OWNER, live]);
  });

  it.each([
    ['answers 500', 500],
    ['answers 429 (Zapier throttles the hook)', 429],
  ])(
    'keeps its own run when a forward %s, and sends that forward only once',
    async (_case, status) => {
      const failing = hookUrl('failing');
      const live = hookUrl('live');
      await seed([
        { url: failing, events: MESSAGES },
        { url: live, events: MESSAGES },
      ]);
      const toFailing = zapReceives(failing, status);
      const toLive = zapReceives(live);
      const [own] = await ownerReceives(message);
      expect(own?.event).toBe('message_created');
      expect(toFailing.received).toHaveLength(1);
      expect(toLive.received).toHaveLength(1);
      expect(unmatched).toEqual([]);
      expect((await registry())?.subscribers).toHaveLength(3);
    },
  );

  it('keeps its own run when a forward cannot connect, without retrying it', async () => {
    const broken = hookUrl('broken');
    await seed([{ url: broken, events: MESSAGES }]);
    zapierHooks().post(new URL(broken).pathname).replyWithError('ECONNRESET');
    const [own] = await ownerReceives(message);
    expect(own?.event).toBe('message_created');
    expect(unmatched).toEqual([]);
  });

  it(`gives up on a forward after ${FORWARD_TIMEOUT_MS / 1000} s, keeping its own run and the other forwards`, async () => {
    const slow = hookUrl('slow');
    const live = hookUrl('live');
    await seed([
      { url: slow, events: MESSAGES },
      { url: live, events: MESSAGES },
    ]);
    zapierHooks()
      .post(new URL(slow).pathname)
      .delay(FORWARD_TIMEOUT_MS + 500)
      .reply(200, {});
    const toLive = zapReceives(live);
    const lines: string[] = [];
    useFakeClock();
    let own: { event?: unknown } | undefined;
    try {
      const running = appTester(
        (z: ZObject, bundle: Bundle) =>
          messageCreated.operation.perform(loggingTo(z, lines), bundle),
        bundleWith({}, { cleanedRequest: message }),
      );
      await elapse(FORWARD_TIMEOUT_MS + 1_000);
      [own] = await running;
    } finally {
      jest.useRealTimers();
      nock.abortPendingRequests();
    }
    expect(own?.event).toBe('message_created');
    expect(toLive.received).toHaveLength(1);
    expect(lines).toEqual([
      'Callbell: passed message_created on to 1 of 2 other Zap(s); 1 failed, not retried (timed out).',
    ]);
    expect(unmatched).toEqual([]);
  });

  it('only to Zapier hook URLs: any other URL in the registry is never called', async () => {
    await seed([
      { url: 'https://example.com/hooks/not-zapier', events: MESSAGES },
      { url: 'http://hooks.zapier.com/hooks/plain-http', events: MESSAGES },
    ]);
    await ownerReceives(message);
    expect(unmatched).toEqual([]);
  });

  it('to a test origin only when ZAPIER_HOOK_ORIGIN names it', async () => {
    const local = 'http://127.0.0.1:9/hooks/zap-1';
    await seed([{ url: local, events: MESSAGES }]);
    const toLocal = nock('http://127.0.0.1:9', { badheaders: ['authorization'] })
      .post('/hooks/zap-1', relayed(message))
      .reply(200, {});
    process.env.ZAPIER_HOOK_ORIGIN = 'http://127.0.0.1:9';
    try {
      await ownerReceives(message);
    } finally {
      delete process.env.ZAPIER_HOOK_ORIGIN;
    }
    toLocal.done();
  });
});

describe('the registry on deliveries', () => {
  function performWith(cache: NxCache | MissingCache, lines: string[] = []) {
    return appTester(
      (z: ZObject, bundle: Bundle) =>
        contactCreated.operation.perform({ ...loggingTo(z, lines), cache }, bundle),
      bundleWith({}, { cleanedRequest: documentedDelivery('contact_created') }),
    );
  }

  it.each([
    ['renews it when it was written over an hour ago', 61, 1],
    ['leaves it alone when it is fresh', 5, 0],
  ])('%s', async (_case, minutesOld, writes) => {
    const cache = new NxCache(async () => undefined);
    const written = new Date(Date.now() - minutesOld * 60_000).toISOString();
    await cache.set(registryKey(API_KEY), registryOf([], written));
    cache.calls.length = 0;
    await performWith(cache);
    const registryWrites = cache.calls.filter(
      (call) => call.method === 'set' && call.key === registryKey(API_KEY),
    );
    expect(registryWrites).toHaveLength(writes);
  });

  it("runs the Zap on its own, and says so, when Zapier's cache is unavailable", async () => {
    const lines: string[] = [];
    const [own] = await performWith(new MissingCache(), lines);
    expect(own?.event).toBe('contact_created');
    expect(lines).toEqual([
      "Callbell: Zapier's cache is unavailable (No token found - cannot call RPC), so this Zap uses the account's webhook alone, as a single Zap; other Zaps of the account are not reached.",
    ]);
    expect(unmatched).toEqual([]);
  });

  it('says nothing when no other Zap wants the event', async () => {
    const cache = new NxCache(async () => undefined);
    await cache.set(registryKey(API_KEY), registryOf([{ url: hookUrl('x'), events: MESSAGES }]));
    const lines: string[] = [];
    await performWith(cache, lines);
    expect(lines).toEqual([]);
  });

  it('reads no registry without an API key to find it by', async () => {
    const cache = new NxCache(async () => undefined);
    await appTester(
      (z: ZObject, bundle: Bundle) => contactCreated.operation.perform({ ...z, cache }, bundle),
      { inputData: {}, authData: {}, cleanedRequest: documentedDelivery('contact_created') },
    );
    expect(cache.calls).toEqual([]);
  });

  it('passes on to every registered Zap when neither its own URL nor the owner is known', async () => {
    const second = hookUrl('second');
    const stored = { ...registryOf([{ url: second, events: MESSAGES }]), webhook: null };
    await seedRegistry(stored);
    const toOwner = zapReceives(OWNER);
    const toSecond = zapReceives(second);
    await ownerReceives(message);
    expect(toOwner.received).toHaveLength(1);
    expect(toSecond.received).toHaveLength(1);
  });

  it('leaves the tidying to a later delivery when another Zap holds the registry', async () => {
    const cache = new NxCache(async () => undefined);
    const written = new Date(Date.now() - 61 * 60_000).toISOString();
    await cache.set(registryKey(API_KEY), registryOf([], written));
    await cache.set(`${registryKey(API_KEY)}:lock`, 'another-zap', 30, undefined, true);
    const lines: string[] = [];
    useFakeClock();
    try {
      const running = performWith(cache, lines);
      await elapse(3_000);
      const [own] = await running;
      expect(own?.event).toBe('contact_created');
    } finally {
      jest.useRealTimers();
    }
    expect(lines).toEqual([
      'Callbell: the Zap registry was not tidied this time (another Zap of this Callbell account is changing the registry).',
    ]);
  });

  it('changes nothing when there is no registry (a single Zap, as before)', async () => {
    const cache = new NxCache(async () => undefined);
    await performWith(cache);
    expect(cache.calls).toEqual([{ method: 'get', key: registryKey(API_KEY) }]);
  });
});

describe("forwardDelivery: each Zap's answer, as the log tells it", () => {
  const second = hookUrl('second');
  const delivery = { event: 'message_created' as const, payload: message.payload, deliveredAt: '' };
  const forward = (url: string) =>
    appTester((z: ZObject) => forwardDelivery(z, [url], delivery), bundleWith());

  it.each<[number, ForwardResult['outcome'], string | undefined]>([
    [200, 'delivered', undefined],
    [204, 'delivered', undefined],
    [300, 'failed', 'HTTP 300'],
    [302, 'failed', 'HTTP 302'],
    [410, 'gone', undefined],
    [500, 'failed', 'HTTP 500'],
  ])('HTTP %i is %s', async (status, outcome, reason) => {
    const toSecond = zapReceives(second, status);
    await expect(forward(second)).resolves.toEqual([
      { url: second, outcome, ...(reason ? { reason } : {}) },
    ]);
    expect(toSecond.received.map((request) => request.body)).toEqual([
      relayed({ event: 'message_created', payload: message.payload }),
    ]);
  });

  it('a connection that fails is failed, named by its error', async () => {
    zapierHooks().post(new URL(second).pathname).replyWithError('ECONNRESET');
    const [result] = await forward(second);
    expect(result).toEqual({ url: second, outcome: 'failed', reason: expect.any(String) });
    expect(result?.reason).not.toBe('timed out');
  });

  it("a URL off Zapier's hook service is refused unsent", async () => {
    await expect(forward('https://example.com/hooks/1')).resolves.toEqual([
      { url: 'https://example.com/hooks/1', outcome: 'refused', reason: 'not a Zapier hook URL' },
    ]);
    expect(unmatched).toEqual([]);
  });

  it.each<[string, ForwardResult[], string]>([
    [
      'every Zap reached',
      [
        { url: 'a', outcome: 'delivered' },
        { url: 'b', outcome: 'delivered' },
      ],
      'Callbell: passed message_created on to 2 of 2 other Zap(s).',
    ],
    [
      'every outcome, each reason once',
      [
        { url: 'a', outcome: 'delivered' },
        { url: 'b', outcome: 'gone' },
        { url: 'c', outcome: 'failed', reason: 'HTTP 500' },
        { url: 'd', outcome: 'failed', reason: 'HTTP 500' },
        { url: 'e', outcome: 'refused', reason: 'not a Zapier hook URL' },
      ],
      'Callbell: passed message_created on to 1 of 5 other Zap(s); 1 no longer exist(s) and left the registry; 2 failed, not retried; 1 refused (HTTP 500, not a Zapier hook URL).',
    ],
  ])('logs %s in one line without URLs', (_case, results, line) => {
    expect(describeForwards('message_created', results)).toBe(line);
  });
});

describe("isGone: a probe of a Zap's hook URL", () => {
  const T0 = Date.parse('2026-11-25T10:00:00Z');
  const probed = hookUrl('probed');
  afterEach(() => jest.restoreAllMocks());

  /** isGone with `remaining` ms left in the step. */
  function probeWith(remaining: number) {
    const now = jest.spyOn(Date, 'now').mockReturnValue(T0);
    return appTester((z: ZObject) => {
      stepOf(z);
      now.mockReturnValue(T0 + 25_000 - remaining);
      return isGone(z, probed);
    }, bundleWith());
  }

  it.each([
    ['410 is gone', 410, true],
    ['200 is alive', 200, false],
    ['500 counts as alive', 500, false],
  ])('%s', async (_case, status, gone) => {
    const probe = zapReceives(probed, status);
    await expect(probeWith(20_000)).resolves.toBe(gone);
    expect(probe.received.map((request) => request.body)).toEqual([relayed({ probe: true })]);
  });

  it(`sends no probe with less than 1 s left beyond the ${KEPT_FOR_CALLBELL_MS / 1000} s kept for Callbell`, async () => {
    const probe = zapReceives(probed, 410);
    await expect(probeWith(KEPT_FOR_CALLBELL_MS + 999)).resolves.toBe(false);
    expect(probe.received).toEqual([]);
    await expect(probeWith(KEPT_FOR_CALLBELL_MS + 1_000)).resolves.toBe(true);
    expect(probe.received).toHaveLength(1);
  });

  it(`waits ${FORWARD_TIMEOUT_MS / 1000} s at most: a late 410 counts as alive`, async () => {
    zapierHooks()
      .post(new URL(probed).pathname)
      .delay(FORWARD_TIMEOUT_MS + 500)
      .reply(410, {});
    useFakeClock();
    try {
      const probing = appTester((z: ZObject) => isGone(z, probed), bundleWith());
      await elapse(FORWARD_TIMEOUT_MS + 1_000);
      await expect(probing).resolves.toBe(false);
    } finally {
      jest.useRealTimers();
      nock.abortPendingRequests();
    }
  });
});
