import fc from 'fast-check';
import { expectUserFacing, fakeCallbell, outcomeOf, userMessage } from './helpers';
import { everyStep } from './operations';

/**
 * Items 3 and 9: every step that calls Callbell, whatever status and body come back, ends in
 * its output or a z.errors error of at most 250 characters that says what to do; never a raw
 * TypeError, never core's appendix. Retry-After is capped at 300 s.
 */
const steps = everyStep().filter((step) => step.callsCallbell);

const UNREADABLE = [
  '<!DOCTYPE html><html><body>Maintenance</body></html>',
  '',
  'null',
  '{"contact": {"uuid": "eb2b',
  '[]',
  `{"contact": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
];

it('every step, whatever the status and body, ends in its output or a user-facing error', async () => {
  const status = fc.constantFrom(
    200,
    201,
    204,
    301,
    307,
    400,
    401,
    403,
    404,
    409,
    422,
    429,
    500,
    503,
  );
  const body = fc.oneof(
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.constantFrom(...UNREADABLE),
    fc.string(),
  );
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...steps), status, body, async (step, code, text) => {
      fakeCallbell(() => [code, text, { 'Retry-After': '99999' }]);
      const { error } = await outcomeOf(step.perform, step.input, step.extra);
      if (error) {
        const message = expectUserFacing(error);
        if (code === 429) expect(userMessage(error)).toMatch(/try again in 300 seconds/);
        expect(message.length).toBeGreaterThan(20);
      }
    }),
    { numRuns: 100 },
  );
}, 60_000);
