import fc from 'fast-check';
import { expectUserFacing, fakeCallbell, outcomeOf } from './helpers';
import { documentedAnswer, everyStep, type Step } from './operations';

/**
 * Item 3: an answer that is not what Callbell documents is never "not found" for a search,
 * never a silent success for a write, and never a raw TypeError.
 */
const steps = everyStep().filter((step) => step.callsCallbell);
const searches = steps.filter((step) => step.name.startsWith('searches.'));
/** Steps that change something in Callbell: a failure must not invite a blind replay. */
const writes = steps.filter(
  (step) => step.name.startsWith('creates.') && !step.name.includes(' fields #'),
);
const PROPERTY_TIMEOUT = 60_000;

const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;

/** 2xx bodies no documented answer looks like. */
const UNREADABLE: [string, string][] = [
  ['an HTML page', '<!DOCTYPE html><html><body>Maintenance</body></html>'],
  ['an empty answer', ''],
  ['null', 'null'],
  ['incomplete or invalid JSON', '{"contact": {"uuid": "eb2b'],
  ['a JSON list', '[]'],
  ['a JSON string', '"ok"'],
  ['JSON nested too deeply', `{"contact": ${deep}}`],
];

/** Objects without the record the step reads: every step that reads one refuses them. */
const WITHOUT_RECORD = ['{}', '{"contact": "x", "message": 1, "template": [], "bot": null}'];

describe.each(searches.map((step) => [step.name, step] as const))('%s', (_, step: Step) => {
  it.each([...UNREADABLE.map(([, body]) => body), ...WITHOUT_RECORD])(
    'a 200 of %j is an error, never "not found"',
    async (body) => {
      fakeCallbell(() => [200, body]);
      const { result, error } = await outcomeOf(step.perform, step.input, step.extra);
      expect(result).toBeUndefined();
      expect(expectUserFacing(error)).toMatch(
        /^Try again in a few minutes\. Callbell answered \(HTTP 200\) with .+ so this step could not read it to .+; nothing was changed\.$/,
      );
    },
  );

  it('a 404 that is an HTML page (a proxy, not Callbell) is an error, never "not found"', async () => {
    fakeCallbell(() => [404, '<html><body>Not Found</body></html>']);
    const { error } = await outcomeOf(step.perform, step.input, step.extra);
    expect(expectUserFacing(error)).toMatch(/with an HTML page, not the JSON it documents/);
  });

  it(
    'answers [] only for a 404 from Callbell, whatever JSON a 200 holds',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), async (value) => {
          fakeCallbell(() => [200, JSON.stringify(value)]);
          const { result, error } = await outcomeOf(step.perform, step.input, step.extra);
          if (error) expectUserFacing(error);
          else expect(result).toEqual([expect.objectContaining({ id: expect.any(String) })]);
        }),
        { numRuns: 20 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});

describe.each(writes.map((step) => [step.name, step] as const))('%s', (_, step: Step) => {
  it.each([...UNREADABLE, ...WITHOUT_RECORD.map((body) => [`an answer without its "\\w+"`, body])])(
    'a 2xx with %s says it may have happened: check first',
    async (what, body) => {
      fakeCallbell((method, path) =>
        method === 'GET' ? [200, documentedAnswer(method, path, 'x')] : [200, body],
      );
      const { result, error } = await outcomeOf(step.perform, step.input, step.extra);
      expect(result).toBeUndefined();
      expect(expectUserFacing(error)).toMatch(
        new RegExp(
          `^Check in Callbell whether this step took effect before replaying it: Callbell answered \\(HTTP 200\\) with ${what}, not the JSON it documents, so it is unknown whether it managed to [^…]+\\.$`,
        ),
      );
    },
  );
});
