import {
  MAX_CONCURRENT_REQUESTS,
  MAX_REQUESTS_PER_STEP,
  MIN_REQUEST_MS,
  startStepClock,
  Step,
  STEP_BUDGET_MS,
  stepOf,
} from '../../src/client/step';

const T0 = 1_000_000;

describe('Step: one budget shared by every request of a step', () => {
  afterEach(() => jest.restoreAllMocks());

  it('gives each request the time left until 25 s after the step began', async () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(T0);
    const step = new Step(T0);
    expect(await step.admit()).toEqual({ timeout: STEP_BUDGET_MS });
    step.release();
    now.mockReturnValue(T0 + 20_000);
    expect(await step.admit()).toEqual({ timeout: STEP_BUDGET_MS - 20_000 });
  });

  it.each([
    ['exactly 2 s left: sent', MIN_REQUEST_MS, { timeout: MIN_REQUEST_MS }],
    ['just under 2 s left: not sent', MIN_REQUEST_MS - 1, { refused: 'deadline' }],
    ['past the deadline: not sent', -5_000, { refused: 'deadline' }],
  ])('%s', async (_case, left, expected) => {
    jest.spyOn(Date, 'now').mockReturnValue(T0 + STEP_BUDGET_MS - left);
    const step = new Step(T0);
    expect(await step.admit()).toEqual(expected);
  });

  it('a request refused for time frees its place', async () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(T0 + STEP_BUDGET_MS);
    const step = new Step(T0);
    for (let i = 0; i < MAX_CONCURRENT_REQUESTS + 1; i += 1) {
      expect(await step.admit()).toEqual({ refused: 'deadline' });
    }
    now.mockReturnValue(T0);
    expect(await step.admit()).toEqual({ timeout: STEP_BUDGET_MS });
  });

  it(`refuses request ${MAX_REQUESTS_PER_STEP + 1}, however the others ended`, async () => {
    jest.spyOn(Date, 'now').mockReturnValue(T0);
    const step = new Step(T0);
    for (let i = 0; i < MAX_REQUESTS_PER_STEP; i += 1) {
      expect(await step.admit()).toHaveProperty('timeout');
      step.release();
    }
    expect(await step.admit()).toEqual({ refused: 'too-many' });
  });

  it(`lets ${MAX_CONCURRENT_REQUESTS} requests run at once; the next waits for a place`, async () => {
    jest.spyOn(Date, 'now').mockReturnValue(T0);
    const step = new Step(T0);
    for (let i = 0; i < MAX_CONCURRENT_REQUESTS; i += 1) await step.admit();
    let admitted = false;
    const next = step.admit().then((admission) => {
      admitted = true;
      return admission;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(admitted).toBe(false);
    step.release();
    expect(await next).toEqual({ timeout: STEP_BUDGET_MS });
  });
});

describe('stepOf and startStepClock', () => {
  afterEach(() => jest.restoreAllMocks());

  it('one step per z, its clock started by the first use', () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(T0);
    const z = {};
    startStepClock(z);
    now.mockReturnValue(T0 + 4_000);
    expect(stepOf(z).remaining()).toBe(STEP_BUDGET_MS - 4_000);
    expect(stepOf(z)).toBe(stepOf(z));
    expect(stepOf({})).not.toBe(stepOf(z));
    expect(stepOf({}).remaining()).toBe(STEP_BUDGET_MS);
  });
});
