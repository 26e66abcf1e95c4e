/**
 * What one Zapier step may spend on Callbell, shared by all the requests it makes.
 *
 * Zapier stops a step after 30 seconds ("Zap Editor test step … 30 seconds", "REST Hook
 * trigger: ingest and payload processing scripting | 30 seconds": Zapier's operating
 * constraints). A timeout per request does not keep a step inside that: two slow answers add
 * up, and node-fetch restarts its timeout for the body once the headers are in. So a step
 * gets one deadline, 25 seconds after its first request, which every request (headers and
 * body) must meet; the last 5 seconds are left to explain what happened.
 */
export const STEP_BUDGET_MS = 25_000;

/**
 * A request is not started with less time than this left: it could hardly finish, and a
 * write that lands unseen is worse than one that is not sent.
 */
export const MIN_REQUEST_MS = 2_000;

/**
 * More requests than any operation needs (the most is a dropdown reading 40 pages of team
 * members), so a loop over pages that never ends stops here, not at Zapier's timeout.
 */
export const MAX_REQUESTS_PER_STEP = 50;

/** Requests of one step in flight at once: a loop over pages cannot flood Callbell. */
export const MAX_CONCURRENT_REQUESTS = 4;

export type Refusal = 'deadline' | 'too-many';

export class Step {
  readonly deadline: number;
  private sent = 0;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(now: number) {
    this.deadline = now + STEP_BUDGET_MS;
  }

  remaining(now = Date.now()): number {
    return this.deadline - now;
  }

  /**
   * Waits for a free place among the step's requests, then answers how long the request may
   * take (the step's time left, at most `maxMs`), or why it must not be sent. `release` must
   * be called when it is done.
   */
  async admit(maxMs = Infinity): Promise<{ timeout: number } | { refused: Refusal }> {
    if (this.sent >= MAX_REQUESTS_PER_STEP) return { refused: 'too-many' };
    this.sent += 1;
    if (this.active >= MAX_CONCURRENT_REQUESTS) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.active += 1;
    const timeout = Math.min(this.remaining(), maxMs);
    if (timeout < MIN_REQUEST_MS) {
      this.release();
      return { refused: 'deadline' };
    }
    return { timeout };
  }

  release(): void {
    this.active -= 1;
    this.waiting.shift()?.();
  }
}

/**
 * Starts the step's clock now rather than at its first request, for steps that wait for
 * something else first (the Zap registry's lock, probes of other Zaps).
 */
export function startStepClock(z: object): void {
  stepOf(z);
}

/** One Step per `z`: core makes a new `z` for every step it runs. */
const steps = new WeakMap<object, Step>();

export function stepOf(z: object): Step {
  let step = steps.get(z);
  if (!step) {
    step = new Step(Date.now());
    steps.set(z, step);
  }
  return step;
}
