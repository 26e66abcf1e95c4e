/**
 * `npm run simulate [-- --schedules N --seed S]`: the seeded fault simulation of the fan-out
 * (docs/simulation.md). Prints the table per fault kind and exits non-zero when a goal
 * counter is not met: deliveries lost silently, the webhook deleted while a Zap was live,
 * forged relays that ran a Zap, forwards to a non-Zapier host, a step of 30 s or more.
 * `--allow-lost-silently N` lets at most N silent losses pass (CI's ratchet on the known gap);
 * `--docs` also writes the table into docs/simulation.md; `--first N` starts at schedule N;
 * `--trace` runs in this process and prints every step of every schedule (replay one with
 * `--first N --schedules 1 --trace`).
 *
 * Schedules run in parts of 100, each in a process of its own, as many at once as there are
 * cores: nock's interceptor never frees a request's HTTP parser (about 200 KB a request), and
 * past 450 MB core ends the process ("Force killing process by Zapier for memory usage").
 */
import { execFile } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { formatTable, missedGoals, summarize } from './lib/simulation/report';
import type { Outcome } from './lib/simulation/run-schedule';
import { simulate } from './lib/simulation/simulation';
import type { SimulatedApp } from './lib/simulation/world';
import { ROOT } from './lib/build-zip';
import { writeGenerated } from './lib/generated-docs';
import { traceOf } from './lib/simulation/trace';

// Small enough that core's 450 MB memory guard never stops a part (nock keeps every request).
const PART = 50;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number`);
  return value;
}

/** Schedules run in this process: their outcomes, and each one's trace if asked. */
async function runHere(seed: number, first: number, schedules: number, trace: boolean) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const app = require(join(ROOT, 'dist', 'index.js')) as SimulatedApp;
  // Core echoes every z.console line to the process console; the simulation keeps its own.
  const log = console.log;
  console.log = () => undefined;
  try {
    const { outcomes } = await simulate(app, {
      seed,
      schedules,
      first,
      onSchedule: (index, outcome, world) => {
        if (trace) process.stdout.write(`${traceOf(first + index, outcome, world)}\n`);
      },
    });
    return outcomes;
  } finally {
    console.log = log;
  }
}

/** Every part, as many at once as there are cores; outcomes in schedule order. */
async function runAll(seed: number, start: number, schedules: number): Promise<Outcome[]> {
  const firsts = [...Array(Math.ceil(schedules / PART)).keys()].map((part) => start + part * PART);
  const parts: Outcome[][] = [];
  let done = 0;
  const runNext = async (): Promise<void> => {
    const index = parts.length;
    const first = firsts[index];
    if (first === undefined) return;
    parts.push([]);
    const count = Math.min(PART, start + schedules - first);
    const args = [__filename, '--part', '--seed', `${seed}`, '--first', `${first}`];
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [...args, '--schedules', `${count}`],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    parts[index] = JSON.parse(stdout) as Outcome[];
    done += count;
    process.stderr.write(`${done} of ${schedules} schedules\n`);
    return runNext();
  };
  await Promise.all(cpus().map(runNext));
  return parts.flat();
}

async function main() {
  const schedules = option('schedules', 200);
  const seed = option('seed', 21);
  const first = option('first', 0);
  if (process.argv.includes('--part')) {
    process.stdout.write(JSON.stringify(await runHere(seed, first, schedules, false)));
    return;
  }
  const started = performance.now();
  const outcomes = process.argv.includes('--trace')
    ? await runHere(seed, first, schedules, true)
    : await runAll(seed, first, schedules);
  const summary = summarize(outcomes);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const missed = missedGoals(summary.total, option('allow-lost-silently', 0));
  const title = `### ${schedules} schedules${first ? ` from number ${first}` : ''}, seed ${seed}: ${new Date().toISOString().slice(0, 10)}, ${seconds} s wall time on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`;
  const report = [
    title,
    '',
    formatTable(summary.rows),
    '',
    summary.unmodelled.length
      ? `Callbell calls the model does not answer (404): ${summary.unmodelled.join(', ')}.\n`
      : '',
    missed.length ? `Goals not met: ${missed.join('; ')}.` : 'Every goal met.',
  ].join('\n');
  process.stdout.write(`\n${report}\n`);
  if (process.argv.includes('--docs')) {
    writeGenerated(join(ROOT, 'docs', 'simulation.md'), 'npm run simulate -- --docs', report);
    const perKind =
      'Per fault kind, and what remains and why: [docs/simulation.md](docs/simulation.md), [docs/webhooks.md](docs/webhooks.md).';
    writeGenerated(
      join(ROOT, 'README.md'),
      'npm run simulate -- --docs',
      [title, '', formatTable([['total', summary.total]]), '', perKind].join('\n'),
    );
  }
  process.exitCode = missed.length ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 2;
});
