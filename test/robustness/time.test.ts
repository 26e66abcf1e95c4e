import { Readable } from 'node:stream';
import fc from 'fast-check';
import nock from 'nock';
import type { ZObject } from 'zapier-platform-core';
import App from '../../index';
import { MIN_REQUEST_MS, STEP_BUDGET_MS } from '../../src/client/step';
import { messageCreatedTrigger } from '../../src/triggers/message_created';
import { API_URL, appTester, bundleWith } from '../helpers/app';
import { elapse, later, useFakeClock } from '../helpers/clock';
import { zapierHooks } from '../helpers/hook-trigger';
import { expectUserFacing, outcomeOf, type Perform } from './helpers';
import { CONTACT } from './operations';

/**
 * Item 4: one deadline per step, shared by all its requests (headers and body), 25 s after the
 * first, inside Zapier's 30 s. Time here is jest's fake clock: nothing waits, and nothing
 * asserts how long anything took on this machine.
 */
const updateContact = App.creates.update_contact?.operation.perform as Perform;
const byPhone = { phone: '+31612345678', name: 'Ana B' };
const CONTACT_ANSWER = { contact: { uuid: CONTACT, name: 'Ana' } };

beforeEach(useFakeClock);

afterEach(() => {
  jest.useRealTimers();
  nock.abortPendingRequests();
});

/** A promise's outcome as fake time passes. */
function watch(promise: Promise<{ result?: unknown; error?: unknown }>) {
  const state: { settled: boolean; error?: unknown } = { settled: false };
  void promise.then(({ error }) => {
    state.settled = true;
    state.error = error;
  });
  return state;
}

/** A body that starts and never ends. */
function stalledBody() {
  const body = new Readable({ read() {} });
  body.push('{"contact": {"uuid": "');
  return body;
}

/** Callbell answering the phone look-up and then the update after the given delays. */
function slowCallbell(lookUpMs: number, updateMs: number, updateBody?: () => unknown) {
  const sent: string[] = [];
  nock(API_URL)
    .get('/v1/contacts/phone/31612345678')
    .optionally()
    .reply(async () => {
      sent.push('GET');
      await later(lookUpMs);
      return [200, CONTACT_ANSWER];
    })
    .patch(`/v1/contacts/${CONTACT}`)
    .optionally()
    .reply(async () => {
      sent.push('PATCH');
      await later(updateMs);
      return [200, updateBody ? updateBody() : CONTACT_ANSWER];
    });
  return sent;
}

it('two 20 s answers in one step end at 25 s, not 40 s', async () => {
  const sent = slowCallbell(20_000, 20_000);
  const step = watch(outcomeOf(updateContact, byPhone));
  await elapse(STEP_BUDGET_MS - 100);
  expect(step.settled).toBe(false);
  expect(sent).toEqual(['GET', 'PATCH']);
  await elapse(200);
  expect(step.settled).toBe(true);
  expect(expectUserFacing(step.error)).toBe(
    'Check in Callbell whether this step took effect before replaying it: it was not re-sent, so nothing is done twice. Callbell did not answer within 25 seconds while trying to manage contacts.',
  );
});

it('headers at 20 s and a body that stalls end at 25 s, not 45 s', async () => {
  const sent = slowCallbell(0, 20_000, stalledBody);
  const step = watch(outcomeOf(updateContact, byPhone));
  await elapse(24_000);
  expect(sent).toEqual(['GET', 'PATCH']);
  expect(step.settled).toBe(false);
  await elapse(1_100);
  expect(step.settled).toBe(true);
  expect(expectUserFacing(step.error)).toMatch(
    /^Check in Callbell whether this step took effect before replaying it: .* Callbell did not answer within 25 seconds/,
  );
});

it('a write is not started with less than 2 s left, and says it was not sent', async () => {
  const sent = slowCallbell(STEP_BUDGET_MS - MIN_REQUEST_MS + 500, 0);
  const step = watch(outcomeOf(updateContact, byPhone));
  await elapse(STEP_BUDGET_MS);
  expect(step.settled).toBe(true);
  expect(sent).toEqual(['GET']);
  expect(expectUserFacing(step.error)).toBe(
    "Replay this step in a few minutes: Callbell's earlier answers used up its 25 seconds, so the request to manage contacts was not sent.",
  );
  // Its own code: a replay is safe, unlike after CallbellUnreachable (outcome unknown).
  expect(JSON.parse((step.error as Error).message)).toMatchObject({ code: 'RequestNotSent' });
});

it('every step ends within its 25 s, whatever the delays of its answers', async () => {
  const delay = fc.integer({ min: 0, max: 60_000 });
  await fc.assert(
    fc.asyncProperty(delay, delay, fc.boolean(), async (lookUp, update, stalls) => {
      nock.cleanAll();
      slowCallbell(lookUp, update, stalls ? stalledBody : undefined);
      const step = watch(outcomeOf(updateContact, byPhone));
      await elapse(STEP_BUDGET_MS + 200);
      expect(step.settled).toBe(true);
      if (step.error) expectUserFacing(step.error);
      nock.abortPendingRequests();
    }),
    { numRuns: 15 },
  );
}, 60_000);

describe('turning a Zap off (#9, #21 finding 9): the lock wait and the probes share the step budget', () => {
  const zap = (name: string) => `https://hooks.zapier.com/hooks/standard/42/${name}/`;
  const [A, B, C, D] = ['zap-a', 'zap-b', 'zap-c', 'zap-d'].map(zap) as [
    string,
    string,
    string,
    string,
  ];
  const registry = 'callbell:zaps:v2:channel-time-test';
  const secret = 'c'.repeat(64);
  const events = ['message_created' as const];
  /** D owns the webhook: it was turned on last, after A, B and C. */
  const owner = {
    id: D,
    url: D,
    subscriptions: events,
    createdAt: null,
    registry,
    secret,
    zaps: [A, B, C].map((url) => ({ url, events })),
  };

  /** The registry lists A to D; another Zap holds its lock. */
  async function fourZapsAndALock() {
    // Each its own list: core's cache refuses one object held twice ("Circular structure").
    const zaps = [A, B, C, D].map((url) => ({
      url,
      events: [...events],
      joinedAt: '2026-11-24T10:00:00Z',
    }));
    await appTester(
      (z: ZObject) => z.cache.set(registry, { secret, zaps, gone: [], refreshedAt: '' }, 60),
      bundleWith(),
      true,
    );
    await appTester(
      (z: ZObject) => z.cache.set(`${registry}:lock`, 'another-zap', 30),
      bundleWith(),
    );
  }

  /** Zapier's hook service answering a probe of `url` after `ms`. */
  function probe(url: string, ms: number, status: number, probed: string[]) {
    zapierHooks()
      .post(new URL(url).pathname)
      .reply(async () => {
        probed.push(url);
        await later(ms);
        return [status, {}];
      });
  }

  it.each([
    ['answers after 9 s: the 10 s kept for it are enough', 9_000],
    ['never answers: the step still ends by 25 s, the lock wait counted', 60_000],
  ])('after a 3.5 s lock wait and three slow probes, Callbell %s', async (_case, callbellMs) => {
    await fourZapsAndALock();
    const start = Date.now();
    // Another Zap's change of the registry ends after 3.5 s.
    setTimeout(() => {
      void appTester((z: ZObject) => z.cache.delete(`${registry}:lock`), bundleWith());
    }, 3_500);
    const probed: string[] = [];
    probe(C, 4_000, 410, probed);
    probe(B, 4_000, 410, probed);
    probe(A, 60_000, 200, probed);
    const subscribe = nock(API_URL)
      .post('/v1/webhooks/subscribe', (body: { url?: string }) =>
        String(body.url).startsWith(`${A}?callbell_zapier=`),
      )
      .reply(async () => {
        await later(callbellMs);
        return [200, { webhook: { url: A, subscriptions: events } }];
      });
    let endedAfter = Infinity;
    const step = watch(
      appTester(
        messageCreatedTrigger.operation.performUnsubscribe,
        bundleWith({}, { targetUrl: D, subscribeData: owner }),
      )
        .then(
          (result: unknown) => ({ result }),
          (error: unknown) => ({ error }),
        )
        .finally(() => (endedAfter = Date.now() - start)),
    );
    await elapse(STEP_BUDGET_MS + 5_000);
    expect(endedAfter).toBeLessThanOrEqual(STEP_BUDGET_MS);
    if (callbellMs < STEP_BUDGET_MS) expect(step.error).toBeUndefined();
    else expect(expectUserFacing(step.error)).toMatch(/did not answer within 25 seconds/);
    // A's probe had only the time beyond Callbell's 10 s, ran out, and so A counts as alive.
    expect(probed).toEqual([C, B, A]);
    subscribe.done();
  });
});
