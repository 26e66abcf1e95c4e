import { Readable } from 'node:stream';
import fc from 'fast-check';
import nock from 'nock';
import App from '../../index';
import { MIN_REQUEST_MS, STEP_BUDGET_MS } from '../../src/client/step';
import { API_URL } from '../helpers/app';
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

beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
});

afterEach(() => {
  jest.useRealTimers();
  nock.abortPendingRequests();
});

/** Resolves after `ms` of fake time. */
const later = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Lets fake time pass in small steps, each followed by real turns of the event loop, so an
 * answer that is due is read before the clock moves on.
 */
async function elapse(ms: number, step = 100) {
  for (let passed = 0; passed < ms; passed += step) {
    await jest.advanceTimersByTimeAsync(Math.min(step, ms - passed));
    for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  }
}

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
    'Check in Callbell whether it took effect before replaying this step: it was not re-sent, so nothing is done twice. Callbell did not answer within 25 seconds while trying to manage contacts.',
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
    /^Check in Callbell whether it took effect before replaying this step: .* Callbell did not answer within 25 seconds/,
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
});

it('every step ends within its 25 s, whatever the delays of its answers', async () => {
  const delay = fc.integer({ min: 0, max: 60_000 });
  await fc.assert(
    fc.asyncProperty(delay, delay, fc.boolean(), async (lookUp, update, stalls) => {
      nock.cleanAll();
      slowCallbell(lookUp, update, stalls ? stalledBody : undefined);
      const step = watch(outcomeOf(updateContact, byPhone));
      await elapse(STEP_BUDGET_MS + 200, 500);
      expect(step.settled).toBe(true);
      if (step.error) expectUserFacing(step.error);
      nock.abortPendingRequests();
    }),
    { numRuns: 15 },
  );
}, 60_000);
