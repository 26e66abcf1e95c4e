import {
  formatTable,
  missedGoals,
  summarize,
  type Tally,
} from '../../../scripts/lib/simulation/report';
import { NO_COUNTS, type Outcome } from '../../../scripts/lib/simulation/run-schedule';

const outcome = (extra: Partial<Outcome>): Outcome => ({
  ...NO_COUNTS,
  kinds: [],
  unmodelled: [],
  ...extra,
});

describe('the report', () => {
  it('adds schedules up per fault kind, calm ones apart, and in total; the slowest step is a maximum', () => {
    const { rows, total, unmodelled } = summarize([
      outcome({ kinds: ['cache throws'], owed: 3, once: 2, lostSilently: 1, slowestMs: 4_000 }),
      outcome({
        kinds: ['cache throws', 'hook 429'],
        owed: 2,
        once: 2,
        slowestMs: 9_000,
        unmodelled: ['GET /x'],
      }),
      outcome({ owed: 1, once: 1, slowestMs: 1_000, unmodelled: ['GET /x'] }),
    ]);
    const row = (kind: string) => rows.find(([name]) => name === kind)?.[1];
    expect(row('cache throws')).toMatchObject({
      schedules: 2,
      owed: 5,
      once: 4,
      lostSilently: 1,
      slowestMs: 9_000,
    });
    expect(row('hook 429')).toMatchObject({ schedules: 1, owed: 2 });
    expect(row('major version')).toMatchObject({ schedules: 0, owed: 0 });
    expect(row('no fault drawn')).toMatchObject({ schedules: 1, owed: 1, slowestMs: 1_000 });
    expect(total).toMatchObject({
      schedules: 3,
      owed: 6,
      once: 5,
      lostSilently: 1,
      slowestMs: 9_000,
    });
    expect(unmodelled).toEqual(['GET /x']);
  });

  it('names every goal that is not met, and none when all are', () => {
    const met: Tally = {
      ...NO_COUNTS,
      schedules: 1,
      owed: 4,
      once: 4,
      lostLogged: 2,
      slowestMs: 29_999,
    };
    expect(missedGoals(met)).toEqual([]);
    expect(
      missedGoals({
        ...met,
        lostSilently: 1,
        deletedWhileLive: 2,
        forgedRuns: 3,
        forwardsElsewhere: 4,
        stalled: 5,
        slowestMs: 30_000,
      }),
    ).toEqual([
      '1 deliveries lost silently',
      '2 webhook deletions while a Zap was live',
      '3 forged relays ran a Zap',
      '4 requests to a non-Zapier host',
      '5 schedules with a step that never ended',
      'slowest step 30.0 s, not under 30 s',
    ]);
  });

  it.each([
    [24, 24, []],
    [25, 24, ['25 deliveries lost silently (at most 24 allowed)']],
    [1, 0, ['1 deliveries lost silently']],
  ])(
    'lets %i silent losses pass under a ratchet of %i only up to it',
    (lostSilently, allowed, missed) => {
      const tally: Tally = { ...NO_COUNTS, schedules: 1, owed: 30, lostSilently };
      expect(missedGoals(tally, allowed)).toEqual(missed);
    },
  );

  it('prints one markdown row per kind with every counter', () => {
    const table = formatTable(
      summarize([
        outcome({
          kinds: ['key rotation'],
          owed: 2,
          once: 1,
          forgeries: 3,
          forgedRuns: 1,
          slowestMs: 2_500,
        }),
      ]).rows,
    );
    const lines = table.split('\n');
    expect(lines[0]).toMatch(
      /^\| fault kind \| schedules \| deliveries owed .* \| LOST SILENTLY \|/,
    );
    expect(lines).toContain(
      '| key rotation | 1 | 2 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 1 of 3 | 2.5 | 0 |',
    );
    expect(lines.at(-1)).toBe('| total | 1 | 2 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 1 of 3 | 2.5 | 0 |');
  });
});
