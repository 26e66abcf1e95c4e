import fc from 'fast-check';
import type { ZObject } from 'zapier-platform-core';
import { hookTriggers } from '../../src/operations';
import { CALLBELL_EVENTS } from '../../src/webhooks/events';
import { appTester, bundleWith } from '../helpers/app';
import { deliveryBundle } from '../../scripts/lib/delivery-bundle';

/** Whatever Callbell (or anyone who learns a Zap's URL) POSTs, a hook trigger never throws. */

const anyJson = fc.jsonValue({ maxDepth: 4 });
const eventLike = fc.record({
  event: fc.oneof(fc.constantFrom(...CALLBELL_EVENTS), fc.string()),
  payload: fc.oneof(fc.dictionary(fc.string(), anyJson), anyJson),
});
const withContact = fc.record({
  event: fc.constantFrom(...CALLBELL_EVENTS),
  payload: fc.record({
    uuid: anyJson,
    status: anyJson,
    contact: fc.oneof(
      fc.dictionary(
        fc.constantFrom('uuid', 'phoneNumber', 'tags', 'customFields', 'team'),
        anyJson,
      ),
      anyJson,
    ),
    messageStatusPayload: anyJson,
    createdAt: anyJson,
    user: anyJson,
  }),
});
const inputData = fc.record({
  direction: fc.oneof(fc.constantFrom('any', 'received', 'sent'), anyJson),
  statuses: anyJson,
  events: fc.oneof(fc.constant([...CALLBELL_EVENTS]), anyJson),
});

function isHookOutputList(result: unknown): boolean {
  return (
    Array.isArray(result) &&
    result.every(
      (item: unknown) =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as { id?: unknown }).id === 'string' &&
        JSON.stringify(item) !== undefined,
    )
  );
}

describe.each(hookTriggers.map((trigger) => [trigger.key, trigger] as const))(
  '%s perform',
  (_key, trigger) => {
    const { perform } = trigger.operation;

    it('never throws on arbitrary bodies and answers a list of objects with a string id', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(anyJson, eventLike, withContact),
          inputData,
          async (body, input) => {
            const result = await perform({} as ZObject, deliveryBundle(body, input));
            expect(isHookOutputList(result)).toBe(true);
          },
        ),
        { numRuns: 1500 },
      );
    });
  },
);

// Core's own output checks run only through the app tester, which is slower and, past 250
// runs in one process, trips core's memory guard: a sample across all triggers is enough.
// Its 200 steps take about 2 s on a quiet machine and can pass jest's 5 s default on a busy
// one, the only unit test that near it: the bound is on a hang, not a timing.
it('every hook trigger passes core output checks for arbitrary event-shaped bodies', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...hookTriggers), withContact, async (trigger, body) => {
      const result = await appTester(
        trigger.operation.perform,
        bundleWith({ events: [...CALLBELL_EVENTS] }, { cleanedRequest: body }),
      );
      expect(isHookOutputList(result)).toBe(true);
    }),
    { numRuns: 200 },
  );
}, 30_000);
