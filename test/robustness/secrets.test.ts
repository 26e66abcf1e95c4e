import App from '../../index';
import { API_KEY, API_URL } from '../helpers/app';
import {
  capturePrinted,
  expectUserFacing,
  fakeCallbell,
  holdsKey,
  KEY_VARIANTS,
  outcomeOf,
  percentEncoded,
  type SeenRequest,
} from './helpers';
import { documentedAnswer, everyStep, type Step } from './operations';

/**
 * For every operation: the key goes to Callbell's API host only, as the Bearer token only,
 * and no output, error or log line holds it in any form, whatever Callbell's answers echo.
 */
const ECHO = Object.values(KEY_VARIANTS).join(' | ');
const CALLBELL_HOST = new URL(API_URL).host;
const steps = everyStep();

function outcomeText({ result, error }: { result?: unknown; error?: unknown }): string {
  if (!error) return JSON.stringify(result) ?? '';
  const { name, message, stack } = error as Error;
  return `${name}: ${message}\n${stack ?? ''}`;
}

function expectKeyOnlyAsBearerToCallbell(seen: SeenRequest[]) {
  for (const request of seen) {
    expect({ host: request.host }).toEqual({ host: CALLBELL_HOST });
    expect(request.authorization).toBe(`Bearer ${API_KEY}`);
    expect(holdsKey(`${request.path} ${request.body}`)).toBe(false);
  }
}

function runCapturingLogs(step: Step) {
  return capturePrinted(() => outcomeOf(step.perform, step.input, step.extra));
}

/** Runs the step: its error is user-facing, and nothing the Zap or the log gets holds the key. */
async function expectKeyKeptFromZapAndLogs(step: Step, seen: SeenRequest[]) {
  const { printed, value } = await runCapturingLogs(step);
  if (value.error) expectUserFacing(value.error);
  expect(holdsKey(outcomeText(value))).toBe(false);
  expect(holdsKey(printed)).toBe(false);
  expectKeyOnlyAsBearerToCallbell(seen);
}

/** Callbell refusing, its body echoing the key: as text, as an error field, as field names. */
const REFUSALS: [number, unknown][] = [
  [401, { error: `Invalid API key ${ECHO}` }],
  [422, { errors: { [API_KEY]: ['is not allowed'], [percentEncoded(API_KEY)]: [ECHO] } }],
  [403, { message: ECHO }],
  [404, { error: { message: `No record for ${ECHO}` } }],
  [400, `plain text ${ECHO}`],
  [429, { error: ECHO }],
  [500, `<html>${ECHO}</html>`],
];

it('covers every operation the app registers', () => {
  const names = new Set(steps.map((step) => step.name.replace(/( fields #\d+|\.perform\w*)$/, '')));
  const registered = [
    ...Object.keys(App.triggers).map((key) => `triggers.${key}`),
    ...Object.keys(App.creates).map((key) => `creates.${key}`),
    ...Object.keys(App.searches).map((key) => `searches.${key}`),
  ];
  for (const name of registered) expect(names).toContain(name);
});

describe.each(steps.map((step, index) => [step.name, step, index] as const))(
  '%s',
  (_, step: Step, index) => {
    it('sends the key to Callbell alone; no output or log line holds it', async () => {
      const seen = step.callsCallbell
        ? fakeCallbell((method, path) => [200, documentedAnswer(method, path, ECHO)])
        : [];
      await expectKeyKeptFromZapAndLogs(step, seen);
      if (!step.callsCallbell) expect(seen).toEqual([]);
    });

    if (!step.callsCallbell) return;
    const [status, body] = REFUSALS[index % REFUSALS.length] as [number, unknown];

    it(`a ${status} echoing the key leaves it out of the error and the logs`, async () => {
      const seen = fakeCallbell(() => [status, body]);
      await expectKeyKeptFromZapAndLogs(step, seen);
    });

    it('a redirect to another host is not followed, so the key goes nowhere else', async () => {
      const seen = fakeCallbell(() => [307, '', { Location: 'https://collector.example/steal' }]);
      const { printed, value } = await runCapturingLogs(step);
      expect(seen.length).toBeGreaterThan(0);
      expectKeyOnlyAsBearerToCallbell(seen);
      if (value.error) expect(expectUserFacing(value.error)).toMatch(/redirect/);
      expect(holdsKey(printed)).toBe(false);
    });
  },
);
