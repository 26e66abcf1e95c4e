import App from '../../../index';
import { Prng } from '../../../scripts/lib/simulation/prng';
import type { Schedule, ZapPlan } from '../../../scripts/lib/simulation/schedule';
import { runSchedules, simulate } from '../../../scripts/lib/simulation/simulation';
import { traceOf } from '../../../scripts/lib/simulation/trace';
import type { SimulatedApp } from '../../../scripts/lib/simulation/world';

const app: SimulatedApp = App;

// A schedule runs the whole app through core dozens of times.
jest.setTimeout(60_000);

const zap = (trigger: string, wants: string[], inputData = {}): ZapPlan => ({
  trigger,
  inputData,
  wants: wants as ZapPlan['wants'],
  connection: 0,
});

function run(schedule: Schedule, seed = 1) {
  return runSchedules(app, 1, () => ({ random: new Prng(seed), schedule })).then(
    ([outcome]) => outcome,
  );
}

describe('one schedule', () => {
  it('in a calm world, every live Zap gets each event it wants exactly once', async () => {
    const outcome = await run({
      kinds: [],
      connections: 1,
      zaps: [
        zap('message_created', ['message_created']),
        zap('contact_created', ['contact_created']),
        zap('new_event', ['message_created', 'contact_created'], {
          events: ['message_created', 'contact_created'],
        }),
      ],
      actions: [0, 1, 2].map((index) => ({ type: 'turn', zaps: [index] })),
    });
    expect(outcome).toMatchObject({
      lostLogged: 0,
      lostSilently: 0,
      unreachable: 0,
      twice: 0,
      deletedWhileLive: 0,
      forwardsElsewhere: 0,
      stalled: 0,
    });
    expect(outcome?.owed).toBeGreaterThanOrEqual(4);
    expect(outcome?.once).toBe(outcome?.owed);
  });

  it("counts what no app could receive apart: Callbell posting to a deleted owner's URL", async () => {
    const outcome = await run({
      kinds: ['owner deleted'],
      connections: 1,
      zaps: [
        zap('message_created', ['message_created']),
        zap('message_created', ['message_created']),
      ],
      actions: [{ type: 'turn', zaps: [0] }, { type: 'turn', zaps: [1] }, { type: 'delete owner' }],
    });
    expect(outcome).toMatchObject({ owed: 1, once: 0, unreachable: 1, lostSilently: 0 });
  });

  it.each([
    ['no time passes: the owner, turned off, cannot know it owns the webhook', 0, 1],
    ["Callbell's connection check lets the owner write the list back first", 5 * 60 * 1000, 0],
  ])('the cache forgets everything, then the owner is turned off; %s', async (_case, ms, lost) => {
    const outcome = await run({
      kinds: ['cache forgets'],
      connections: 1,
      zaps: [
        zap('contact_created', ['contact_created']),
        zap('contact_deleted', ['contact_deleted']),
      ],
      actions: [
        { type: 'turn', zaps: [0] },
        { type: 'turn', zaps: [1] },
        { type: 'forget keys', share: 1 },
        ...(ms ? [{ type: 'time passes' as const, ms }] : []),
        { type: 'turn', zaps: [1] },
      ],
    });
    expect(outcome).toMatchObject({ owed: 1, once: 1 - lost, lostSilently: lost });
  });

  it('the cache forgets everything and the owner is turned off at once; a turn-off 20 minutes later, finding the mark no owner cleared, moves the webhook to the newest Zap left', async () => {
    const outcome = await run({
      kinds: ['cache forgets'],
      connections: 1,
      zaps: [
        zap('contact_created', ['contact_created']),
        zap('contact_deleted', ['contact_deleted']),
        zap('conversation_opened', ['conversation_opened']),
      ],
      actions: [
        { type: 'turn', zaps: [0] },
        { type: 'turn', zaps: [1] },
        { type: 'turn', zaps: [2] },
        { type: 'forget keys', share: 1 },
        { type: 'turn', zaps: [2] },
        { type: 'time passes', ms: 20 * 60 * 1000 },
        { type: 'turn', zaps: [0] },
      ],
    });
    expect(outcome).toMatchObject({ owed: 1, once: 1, lostSilently: 0 });
  });

  it('a Zap turned off is owed nothing', async () => {
    const outcome = await run({
      kinds: [],
      connections: 1,
      zaps: [
        zap('contact_created', ['contact_created']),
        zap('contact_deleted', ['contact_deleted']),
      ],
      actions: [
        { type: 'turn', zaps: [0, 1] },
        { type: 'turn', zaps: [1] },
      ],
    });
    expect(outcome).toMatchObject({ owed: 1, once: 1, deletedWhileLive: 0 });
  });
});

describe('the trace of a schedule', () => {
  it('shows each Zap, each step with its log lines and where the webhook ends, never a whole key', async () => {
    const traces: string[] = [];
    const keys: string[] = [];
    await runSchedules(
      app,
      1,
      () => ({
        random: new Prng(3),
        schedule: {
          kinds: ['cache forgets'],
          connections: 1,
          zaps: [
            zap('message_created', ['message_created']),
            zap('contact_created', ['contact_created']),
          ],
          actions: [
            { type: 'turn', zaps: [0] },
            { type: 'turn', zaps: [1] },
            { type: 'forget keys', share: 1 },
          ],
        },
      }),
      (index, outcome, world) => {
        traces.push(traceOf(index, outcome, world));
        keys.push(...world.zaps.map((zap) => zap.connection.apiKey));
      },
    );
    const [trace = ''] = traces;
    expect(trace).toMatch(
      /^## schedule 0: cache forgets\nzap1 message_created wants message_created, user1 key …\w{4}, ends on/,
    );
    expect(trace).toMatch(/\[steps\] zap1 performSubscribe \d+ ms, 1 item\(s\)/);
    expect(trace).toMatch(
      /\[delivery 1\] zap\d perform \d+ ms, \d item\(s\) on callbell post \{"event":"(message|contact)_created"/,
    );
    expect(trace).toMatch(/\nwebhook: …\S+ for \S+\noutcome: owed 2, /);
    for (const key of keys) expect(trace).not.toContain(key);
  });
});

describe('the seeded simulation', () => {
  it('draws and plays the same schedules from the same seed', async () => {
    const first = await simulate(app, { seed: 5, schedules: 3 });
    const again = await simulate(app, { seed: 5, schedules: 3 });
    expect(again.outcomes).toEqual(first.outcomes);
    expect(first.total.schedules).toBe(3);
    expect(first.total.owed).toBeGreaterThan(0);
  });
});
