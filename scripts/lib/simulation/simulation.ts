import { interceptNetwork, connect } from './network';
import { Prng } from './prng';
import { summarize, type Summary } from './report';
import { runSchedule, type Outcome } from './run-schedule';
import { drawSchedule, type Schedule } from './schedule';
import { VirtualClock } from './virtual-clock';
import { hookTriggerKeys, type SimulatedApp, type World } from './world';

export interface SimulationOptions {
  seed: number;
  schedules: number;
  /** The first schedule's number (0 unless a run is split into parts). */
  first?: number;
  /** Told after each schedule, with the world it ran in (the script's --trace prints it). */
  onSchedule?: (index: number, outcome: Outcome, world: World) => void;
}

/** Virtual time starts here in every schedule. */
const START = Date.UTC(2026, 10, 1, 9, 0, 0);

/**
 * Runs `schedules` seeded schedules against the app, one after the other, each in a fresh
 * world (Callbell account, Zapier, cache). Schedule N of a seed is always the same schedule,
 * whatever the number run.
 */
export async function simulate(app: SimulatedApp, options: SimulationOptions): Promise<Summary> {
  const triggers = hookTriggerKeys(app);
  if (!triggers.length) throw new Error('the app has no REST-hook triggers to simulate');
  const outcomes = await runSchedules(
    app,
    options.schedules,
    (index) => {
      const random = Prng.forSchedule(options.seed, (options.first ?? 0) + index);
      return { random, schedule: drawSchedule(random, triggers) };
    },
    options.onSchedule,
  );
  return summarize(outcomes);
}

/** Runs `count` schedules, each in a fresh world from the same virtual start time. */
export async function runSchedules(
  app: SimulatedApp,
  count: number,
  scheduleAt: (index: number) => { random: Prng; schedule: Schedule },
  onSchedule?: (index: number, outcome: Outcome, world: World) => void,
): Promise<Outcome[]> {
  const clock = new VirtualClock();
  const stopNetwork = interceptNetwork();
  const outcomes: Outcome[] = [];
  try {
    for (let index = 0; index < count; index += 1) {
      const { random, schedule } = scheduleAt(index);
      clock.install(START);
      try {
        let world: World | null = null;
        const outcome = await runSchedule(app, schedule, random, clock, (played) => {
          world = played;
          connect(played);
        });
        await clock.drain();
        outcomes.push(outcome);
        if (world) onSchedule?.(index, outcome, world);
      } finally {
        connect(null);
        clock.uninstall();
      }
    }
  } finally {
    stopNetwork();
  }
  return outcomes;
}
