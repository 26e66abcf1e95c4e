import { NO_COUNTS, type Counters, type Outcome } from './run-schedule';
import { FAULT_KINDS } from './schedule';
import { STEP_LIMIT_MS } from './world';

export interface Tally extends Counters {
  schedules: number;
}

const EMPTY: Tally = { ...NO_COUNTS, schedules: 0 };

function add(tally: Tally, outcome: Outcome): Tally {
  const sum = { ...tally, schedules: tally.schedules + 1 };
  for (const key of Object.keys(NO_COUNTS) as (keyof Counters)[]) sum[key] += outcome[key];
  return { ...sum, slowestMs: Math.max(tally.slowestMs, outcome.slowestMs) };
}

export interface Summary {
  rows: [string, Tally][];
  total: Tally;
  outcomes: Outcome[];
  /** Callbell calls the app made that the model does not answer, once each. */
  unmodelled: string[];
}

export function summarize(outcomes: Outcome[]): Summary {
  const rows = tallyByKind(outcomes);
  return {
    rows,
    total: rows[rows.length - 1]?.[1] ?? EMPTY,
    outcomes,
    unmodelled: [...new Set(outcomes.flatMap((outcome) => outcome.unmodelled))],
  };
}

/** One row per fault kind (a schedule counts in every kind it drew), calm ones, and the total. */
export function tallyByKind(outcomes: Outcome[]): [string, Tally][] {
  const rows: [string, Tally][] = FAULT_KINDS.map((kind) => [
    kind,
    outcomes.filter((outcome) => outcome.kinds.includes(kind)).reduce(add, EMPTY),
  ]);
  rows.push([
    'no fault drawn',
    outcomes.filter((outcome) => !outcome.kinds.length).reduce(add, EMPTY),
  ]);
  rows.push(['total', outcomes.reduce(add, EMPTY)]);
  return rows;
}

/**
 * The goals a run misses. `allowedLostSilently` is a ratchet for the losses no design on one
 * webhook can yet see (docs/webhooks.md, "Which losses remain"): CI fails when they grow.
 */
export function missedGoals(total: Tally, allowedLostSilently = 0): string[] {
  const missed: string[] = [];
  if (total.lostSilently > allowedLostSilently)
    missed.push(
      `${total.lostSilently} deliveries lost silently${allowedLostSilently ? ` (at most ${allowedLostSilently} allowed)` : ''}`,
    );
  if (total.deletedWhileLive)
    missed.push(`${total.deletedWhileLive} webhook deletions while a Zap was live`);
  if (total.forgedRuns) missed.push(`${total.forgedRuns} forged relays ran a Zap`);
  if (total.forwardsElsewhere)
    missed.push(`${total.forwardsElsewhere} requests to a non-Zapier host`);
  if (total.stalled) missed.push(`${total.stalled} schedules with a step that never ended`);
  if (total.slowestMs >= STEP_LIMIT_MS)
    missed.push(`slowest step ${seconds(total.slowestMs)} s, not under 30 s`);
  return missed;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** The table as markdown, as docs/simulation.md shows it. */
export function formatTable(rows: [string, Tally][]): string {
  const header = [
    'fault kind',
    'schedules',
    'deliveries owed',
    'delivered once',
    'delivered twice',
    'lost, with a log line',
    'LOST SILENTLY',
    'lost, no app code ran (owner deleted, no on/off since)',
    'webhook deleted while a Zap was live',
    'forwards to a non-Zapier host',
    'forged relays that ran a Zap',
    'slowest step (s)',
    'stalled',
  ];
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [
    line(header),
    line(header.map(() => '---')),
    ...rows.map(([kind, tally]) =>
      line([
        kind,
        tally.schedules,
        tally.owed,
        tally.once,
        tally.twice,
        tally.lostLogged,
        tally.lostSilently,
        tally.unreachable,
        tally.deletedWhileLive,
        tally.forwardsElsewhere,
        `${tally.forgedRuns} of ${tally.forgeries}`,
        seconds(tally.slowestMs),
        tally.stalled,
      ]),
    ),
  ].join('\n');
}
