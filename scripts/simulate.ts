/**
 * `npm run simulate [-- --schedules N --seed S]`: the seeded fault simulation of the fan-out
 * (docs/simulation.md). Prints the table per fault kind and exits non-zero when a goal
 * counter is not met: deliveries lost silently, the webhook deleted while a Zap was live,
 * forged relays that ran a Zap, forwards to a non-Zapier host, a step of 30 s or more.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatTable, missedGoals } from '../test/simulation/report';
import { simulate } from '../test/simulation/simulation';
import type { SimulatedApp } from '../test/simulation/world';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number`);
  return value;
}

async function main() {
  const schedules = option('schedules', 200);
  const seed = option('seed', 21);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const app = require(join(__dirname, '..', 'index.js')) as SimulatedApp;
  // Core echoes every z.console line to the process console; the simulation keeps its own.
  console.log = () => undefined;
  const started = performance.now();
  const result = await simulate(app, {
    seed,
    schedules,
    onSchedule: (index) => {
      if ((index + 1) % 50 === 0) process.stderr.write(`${index + 1} schedules\n`);
    },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const out = (text: string) => process.stdout.write(`${text}\n`);
  out(
    `\n### Fan-out fault simulation: ${schedules} schedules, seed ${seed} (${seconds} s wall time)\n`,
  );
  out(formatTable(result.rows));
  if (result.unmodelled.length)
    out(`\nCallbell calls the model does not answer (404): ${result.unmodelled.join(', ')}`);
  const missed = missedGoals(result.total);
  out(missed.length ? `\nGoals not met: ${missed.join('; ')}.` : '\nEvery goal met.');
  process.exitCode = missed.length ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 2;
});
