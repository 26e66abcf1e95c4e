import nock from 'nock';
import type { ZObject } from 'zapier-platform-core';
import {
  describeForwards,
  forwardDelivery,
  isGone,
  MAX_CONCURRENT_FORWARDS,
  MAX_FORWARD_BYTES,
  type Relay,
} from '../../src/webhooks/fan-out';
import { startStepClock, STEP_BUDGET_MS } from '../../src/client/step';
import { appTester, bundleWith } from '../helpers/app';
import { elapse, later, useFakeClock } from '../helpers/clock';
import { documentedDelivery, zapierHooks } from '../helpers/hook-trigger';

// Passing one delivery on to other Zaps (src/webhooks/fan-out.ts). Each test names the
// finding of issue #21 it proves fixed and the invariant it holds.

const hookUrl = (name: string) => `https://hooks.zapier.com/hooks/standard/42/${name}/`;
const A = hookUrl('zap-a');
const message = documentedDelivery('message_created');

function relayOf(payload: Record<string, unknown> = message.payload): Relay {
  return {
    secret: 'a'.repeat(64),
    id: 'event-1',
    delivery: { event: 'message_created', payload, deliveredAt: '2026-11-24T10:00:00.000Z' },
  };
}

function forward(urls: string[], relay = relayOf()) {
  return appTester((z: ZObject) => forwardDelivery(z, urls, relay), bundleWith());
}

it('finding 7: a message holding {{bundle.…}} or {{process.…}} text is passed on word for word (invariant: every forward reaches its Zap or is logged)', async () => {
  const text = 'My key is {{bundle.authData.api_key}} and {{process.env.SECRET}}';
  const sent: unknown[] = [];
  const scope = zapierHooks()
    .post(new URL(A).pathname, (body) => sent.push(body) > 0)
    .reply(200, {});
  await expect(forward([A], relayOf({ ...message.payload, text }))).resolves.toEqual([
    { url: A, outcome: 'delivered' },
  ]);
  scope.done();
  expect(sent).toEqual([expect.objectContaining({ payload: expect.objectContaining({ text }) })]);
});

it('refuses a URL that is not Zapier hook service, without a request', async () => {
  await expect(forward(['https://evil.example/hooks/1/'])).resolves.toEqual([
    { url: 'https://evil.example/hooks/1/', outcome: 'refused', reason: 'not a Zapier hook URL' },
  ]);
});

it(`finding 6 and 9: a payload past ${MAX_FORWARD_BYTES / 1024} KB is passed on to no one, and the loss is logged`, async () => {
  const results = await forward(
    [A, hookUrl('zap-b')],
    relayOf({ text: 'x'.repeat(MAX_FORWARD_BYTES) }),
  );
  expect(results.map((result) => result.outcome)).toEqual(['failed', 'failed']);
  expect(describeForwards('message_created', results)).toBe(
    'Callbell: passed message_created on to 0 of 2 other Zap(s); LOST for 2 Zap(s), which did not get this event: find it in Callbell (257 KB, more than 256 KB).',
  );
});

it(`finding 9: ${MAX_CONCURRENT_FORWARDS} forwards at most are in flight at once, whatever the number of Zaps (invariant: bounded)`, async () => {
  let inFlight = 0;
  let most = 0;
  const urls = Array.from({ length: 30 }, (_, n) => hookUrl(`zap-${n}`));
  for (const url of urls)
    zapierHooks()
      .post(new URL(url).pathname)
      .reply(async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
        return [200, {}];
      });
  const results = await forward(urls);
  expect(results.filter((result) => result.outcome === 'delivered')).toHaveLength(30);
  expect(most).toBe(MAX_CONCURRENT_FORWARDS);
});

describe('finding 8: answers that say the hook service did not take the payload are retried within the step (invariant: every forward reaches its Zap or is logged)', () => {
  beforeEach(useFakeClock);
  afterEach(() => jest.useRealTimers());

  it.each([
    ['503', 503, {}],
    ['429 with Retry-After: 2', 429, { 'Retry-After': '2' }],
  ])('%s, then 200: delivered', async (_case, status, headers) => {
    const scope = zapierHooks()
      .post(new URL(A).pathname)
      .reply(status, {}, headers)
      .post(new URL(A).pathname)
      .reply(200, {});
    const results = forward([A]);
    await elapse(3_000);
    await expect(results).resolves.toEqual([{ url: A, outcome: 'delivered' }]);
    scope.done();
  });

  it('three 500s: given up, and the loss is in the log line (invariant: no silent loss)', async () => {
    const scope = zapierHooks().post(new URL(A).pathname).times(3).reply(500, {});
    const results = forward([A]);
    await elapse(5_000);
    const answered = await results;
    scope.done();
    expect(describeForwards('message_created', answered)).toBe(
      'Callbell: passed message_created on to 0 of 1 other Zap(s); LOST for 1 Zap(s), which did not get this event: find it in Callbell (HTTP 500).',
    );
  });

  it('a forward that times out is not retried (the hook service may have taken it), and the log says it may be missing', async () => {
    const scope = zapierHooks()
      .post(new URL(A).pathname)
      .reply(async () => {
        await later(60_000);
        return [200, {}];
      });
    const results = forward([A]);
    await elapse(6_000);
    await expect(results).resolves.toEqual([{ url: A, outcome: 'unsure', reason: 'timed out' }]);
    expect(describeForwards('message_created', await results)).toBe(
      'Callbell: passed message_created on to 0 of 1 other Zap(s); 1 Zap(s) did not answer in time and may have missed it: check in Callbell (timed out).',
    );
    scope.done();
    nock.abortPendingRequests();
  });

  it('finding 9: 60 Zaps whose hooks never answer: the forwards end inside the step, and those never sent are logged as lost (invariant: bounded, every step inside 30 s)', async () => {
    const urls = Array.from({ length: 60 }, (_, n) => hookUrl(`slow-${n}`));
    for (const url of urls)
      zapierHooks()
        .post(new URL(url).pathname)
        .optionally()
        .reply(async () => {
          await later(60_000);
          return [200, {}];
        });
    let settled = false;
    const results = appTester((z: ZObject) => {
      startStepClock(z);
      return forwardDelivery(z, urls, relayOf());
    }, bundleWith()).finally(() => (settled = true));
    await elapse(STEP_BUDGET_MS + 100);
    expect(settled).toBe(true);
    const reasons = new Set((await results).map((result) => result.reason));
    expect(reasons).toEqual(new Set(['timed out', 'no time left in this run']));
    nock.abortPendingRequests();
  });

  it('a Retry-After past the step budget ends the tries at once', async () => {
    const scope = zapierHooks().post(new URL(A).pathname).reply(429, {}, { 'Retry-After': '120' });
    const results = forward([A]);
    await elapse(100);
    await expect(results).resolves.toEqual([{ url: A, outcome: 'failed', reason: 'HTTP 429' }]);
    scope.done();
  });
});

describe('isGone: only 410 means gone', () => {
  it.each([
    [410, true],
    [200, false],
    [500, false],
  ])('a probe answered %i', async (status, gone) => {
    const scope = zapierHooks()
      .post(new URL(A).pathname, { callbell_zapier_probe: true })
      .reply(status, {});
    await expect(appTester((z: ZObject) => isGone(z, A), bundleWith())).resolves.toBe(gone);
    scope.done();
  });
});
