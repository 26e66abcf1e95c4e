/**
 * `npm run bench`: what the integration costs, in figures (never asserted as timings: the
 * machines are shared and noisy). Six tables: requests per operation, cold start, package
 * size, hook throughput, a load run against the sandbox and a fan-out to N Zaps. npm runs it
 * with NODE_ENV=test: outside tests, core prints a memory report after every one of the load
 * run's operations. The tables replace the generated part of docs/benchmarks.md, so the
 * figures there always come from one run, never from hand copies.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppTester, type ZObject } from 'zapier-platform-core';
import { startSandbox } from '../sandbox/callbell/server';
import { startZapierHooks, type HookApp, type HookRun } from '../sandbox/zapier/hooks';
import { buildZip, ROOT, zipReport } from './lib/build-zip';
import { writeGenerated } from './lib/generated-docs';
import { countRequests, type AppUnderTest } from './lib/request-scenarios';
import { deliveryBundle } from './lib/delivery-bundle';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const app = require(join(ROOT, 'dist', 'index.js')) as AppUnderTest;

type Row = Record<string, string | number>;

/** What this run measured, as Markdown: printed as it comes, written to the docs at the end. */
const report: string[] = [];

function say(text: string) {
  report.push(text);
  console.log(text);
}

function table(title: string, rows: Row[]) {
  say(`\n### ${title}\n`);
  const headers = Object.keys(rows[0] ?? {});
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  say(line(headers));
  say(line(headers.map(() => '---')));
  for (const row of rows) say(line(headers.map((header) => row[header] ?? '')));
}

const DOCS = join(ROOT, 'docs', 'benchmarks.md');

function writeDocs() {
  writeGenerated(DOCS, 'npm run bench', report.join('\n'));
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

async function requestsPerOperation() {
  const sandbox = await startSandbox();
  process.env.CALLBELL_API_URL = sandbox.apiUrl;
  try {
    const rows = await countRequests(app, sandbox);
    table(
      '1. Callbell requests per operation',
      rows.map(({ operation, requests, minimum, note }) => ({
        operation,
        requests,
        minimum: minimum,
        verdict:
          requests === minimum
            ? 'at minimum'
            : requests < minimum
              ? 'below?'
              : 'DEFECT: above minimum',
        note: note ?? '',
      })),
    );
  } finally {
    await sandbox.stop();
  }
}

/** Load time and memory of `require(target)` in a fresh Node process. */
function loadIn(target: string): { ms: number; rssMb: number } {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(target)});const ms=Number(process.hrtime.bigint()-t)/1e6;console.log(JSON.stringify({ms,rssMb:process.memoryUsage().rss/1048576}))`;
  const output = execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(output) as { ms: number; rssMb: number };
}

/**
 * Fresh processes loading core alone and the app in turn, so a change in what else the machine
 * does weighs on both alike (measured one after the other, the ratio drifted by 5%).
 */
function coldStart(runs = 21) {
  const targets = {
    'zapier-platform-core alone': 'zapier-platform-core',
    'the built app': join(ROOT, 'dist', 'index.js'),
  };
  const samples = Array.from({ length: runs }, () =>
    Object.values(targets).map((target) => loadIn(target)),
  );
  const results = Object.keys(targets).map((name, index) => {
    const own = samples.map((pair) => pair[index] ?? { ms: NaN, rssMb: NaN });
    return {
      name,
      ms: median(own.map((sample) => sample.ms)),
      rssMb: median(own.map((sample) => sample.rssMb)),
    };
  });
  const [core, built] = results;
  table(`2. Cold start (median of ${runs} fresh processes each, taken in turn)`, [
    ...results.map(({ name, ms, rssMb }) => ({
      load: name,
      'time (ms)': round(ms),
      'RSS (MB)': round(rssMb),
    })),
    {
      load: 'ratio app / core',
      'time (ms)': `${round((built?.ms ?? 0) / (core?.ms ?? 1), 2)}×`,
      'RSS (MB)': `${round((built?.rssMb ?? 0) / (core?.rssMb ?? 1), 2)}×`,
    },
  ]);
}

function packageSize() {
  const appZip = join(ROOT, 'build', 'build.zip');
  const bareZip = buildZip('bare', {
    packageJson: {
      name: 'bare-app',
      version: '1.0.0',
      main: 'index.js',
      dependencies: { 'zapier-platform-core': '19.1.0' },
    },
    write: {
      'index.js':
        "const { version } = require('zapier-platform-core');\nmodule.exports = { version: '1.0.0', platformVersion: version };\n",
      '.zapierapprc': readFileSync(join(ROOT, '.zapierapprc'), 'utf8'),
    },
  });
  const app = zipReport(appZip);
  const bare = zipReport(bareZip.zipPath);
  bareZip.cleanup();
  table('3. Package size (build.zip, production dependencies, built the same way)', [
    { zip: 'bare app (core only)', KB: round(bare.bytes / 1024), files: bare.files },
    { zip: 'Callbell app', KB: round(app.bytes / 1024), files: app.files },
    {
      zip: 'ratio',
      KB: `${round(app.bytes / bare.bytes, 2)}×`,
      files: `${round(app.files / bare.files, 2)}×`,
    },
  ]);
  const extra = [...app.byPart]
    .map(([part, bytes]) => ({ part, bytes: bytes - (bare.byPart.get(part) ?? 0) }))
    .filter(({ bytes }) => bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  table(
    '3b. What the app adds to a bare app (uncompressed)',
    extra.map(({ part, bytes }) => ({ part, KB: round(bytes / 1024) })),
  );
}

async function hookThroughput(deliveries = 20_000) {
  const rows: Row[] = [];
  for (const [key, trigger] of Object.entries(app.triggers)) {
    const perform = trigger.operation.perform;
    const event = key === 'new_event' ? 'message_created' : key;
    let body: unknown;
    try {
      body = JSON.parse(
        readFileSync(join(ROOT, 'test', 'fixtures', 'webhook-events', `${event}.json`), 'utf8'),
      );
    } catch {
      continue; // dropdowns: not hook triggers
    }
    const bundle = deliveryBundle(body, { events: [event] });
    // Each perform is awaited: perform ends after its (here empty) fan-out, and 220,000
    // promises left pending at once would swell the process past core's memory guard.
    const start = performance.now();
    for (let i = 0; i < deliveries; i += 1) await perform?.({} as ZObject, bundle);
    const seconds = (performance.now() - start) / 1000;
    rows.push({
      trigger: key,
      'deliveries/s': Math.round(deliveries / seconds),
      'µs each': round((seconds / deliveries) * 1e6, 2),
    });
  }
  table(`4. Hook throughput (perform on the documented body, ${deliveries} deliveries each)`, rows);
}

/** At most this many runs of one step (a loop must end, whatever the sandbox answers). */
const MAX_RUNS = 20;

/**
 * Zapier retries a step that throws ThrottledError after its delay; this does the same. A
 * step whose request was not sent (RequestNotSent: its time ran out first, as on a loaded
 * machine) is replayed, as its message tells the Zap author to do. Any other error ends it.
 */
async function withZapierRetries(
  step: () => Promise<unknown>,
  counts: { throttled: number; replayed: number },
): Promise<void> {
  for (let run = 1; ; run += 1) {
    try {
      await step();
      return;
    } catch (error) {
      const { delay, code } = JSON.parse((error as Error).message) as {
        delay?: number;
        code?: string;
      };
      const throttled = (error as Error).name === 'ThrottledError';
      if (run >= MAX_RUNS || !(throttled || code === 'RequestNotSent')) throw error;
      if (throttled) counts.throttled += 1;
      else counts.replayed += 1;
      await new Promise((resolve) => setTimeout(resolve, (delay ?? 1) * 1000));
    }
  }
}

async function sandboxStart(runs = 10) {
  const starts: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const begin = performance.now();
    const sandbox = await startSandbox();
    starts.push(performance.now() - begin);
    await sandbox.stop();
  }
  table(`5a. Sandbox start (median of ${runs})`, [{ 'start (ms)': round(median(starts), 2) }]);
}

/**
 * Many operations at once against a sandbox whose rate limit is far below what they ask for,
 * so Callbell's 429 is certain: each throttled step is replayed after Retry-After, as Zapier
 * does, and every message and contact must land exactly once. A run that was never throttled
 * did not test that, and fails.
 */
async function load(operations = 600, concurrency = 30, rateLimit = 40) {
  const sandbox = await startSandbox({ rateLimit });
  process.env.CALLBELL_API_URL = sandbox.apiUrl;
  const tester = createAppTester(app);
  const bundle = (inputData: Record<string, unknown>) => ({
    authData: { api_key: sandbox.apiKey },
    inputData,
  });
  const phoneOf = (i: number) => `+447911${String(100000 + i)}`;
  const work = Array.from({ length: operations }, (_, i) =>
    i % 2 === 0
      ? () =>
          tester(
            app.creates.send_message?.operation.perform as never,
            bundle({ to: '+31612345678', text: `Order ${i}`, metadata: { op: `send-${i}` } }),
          )
      : () =>
          tester(
            app.creates.create_contact?.operation.perform as never,
            bundle({ phone: phoneOf(i), name: `Load ${i}` }),
          ),
  );
  const counts = { throttled: 0, replayed: 0 };
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < work.length) {
        const step = work[next];
        next += 1;
        if (step) await withZapierRetries(step, counts);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const sends = sandbox.account.messages.filter((message) =>
    message.metadata?.op?.startsWith('send-'),
  );
  const sendCounts = new Map<string, number>();
  for (const message of sends)
    sendCounts.set(
      message.metadata?.op ?? '',
      (sendCounts.get(message.metadata?.op ?? '') ?? 0) + 1,
    );
  const expectedSends = Math.ceil(operations / 2);
  const contactsCreated = Array.from({ length: operations }, (_, i) => i)
    .filter((i) => i % 2 === 1)
    .map(
      (i) =>
        [...sandbox.account.contacts.values()].filter(
          (contact) => `+${contact.phoneNumber}` === phoneOf(i),
        ).length,
    );
  await sandbox.stop();
  const exactlyOnce =
    sendCounts.size === expectedSends &&
    [...sendCounts.values()].every((count) => count === 1) &&
    contactsCreated.every((count) => count === 1);
  table(
    `5. Load: ${operations} operations (half sends, half contact creations), ${concurrency} at a time, sandbox limit ${rateLimit} requests/s`,
    [
      {
        'ops/s': round(operations / seconds),
        seconds: round(seconds),
        'throttled (429) and retried': counts.throttled,
        'not sent in time, replayed': counts.replayed,
        'messages landed': `${sendCounts.size}/${expectedSends}`,
        'contacts landed': `${contactsCreated.filter((count) => count === 1).length}/${contactsCreated.length}`,
        'exactly once': exactlyOnce ? 'yes: none lost, none twice' : 'NO',
      },
    ],
  );
  if (!exactlyOnce) process.exitCode = 1;
  if (counts.throttled === 0) {
    say('\nThe load run was never throttled, so it did not test replays: lower its rate limit.');
    process.exitCode = 1;
  }
}

/**
 * One delivery fanned out to N Zaps on one account (the sandbox and the stand-in for Zapier's
 * hook service in this process): the owner's perform forwards it to the N − 1 others. Median
 * of `deliveries` deliveries; the other Zaps' runs share this process with the owner's.
 */
async function fanOut(sizes = [1, 5, 20, 50], deliveries = 5) {
  const rows: Row[] = [];
  for (const size of sizes) {
    const sandbox = await startSandbox();
    process.env.CALLBELL_API_URL = sandbox.apiUrl;
    const zapier = await startZapierHooks(app as HookApp, { api_key: sandbox.apiKey });
    process.env.ZAPIER_HOOK_ORIGIN = zapier.origin;
    const zaps = Array.from({ length: size }, () => zapier.zap('message_created'));
    const turningOn = sandbox.requests.length;
    for (const zap of zaps) await zap.turnOn();
    const subscribeRequests = sandbox.requests.length - turningOn;
    // The newest Zap owns the webhook and passes each delivery on to the others.
    const owner = zaps.at(-1);
    const relayed = (run: HookRun) =>
      (run.body as { callbell_zapier_relay?: unknown }).callbell_zapier_relay !== undefined;
    // Each Zap's runs so far (probes while Zaps were turned on): only later ones are counted.
    const runsBefore = zaps.map((zap) => zap.runs.length);
    const before = sandbox.requests.length;
    for (let i = 0; i < deliveries; i += 1) {
      sandbox.account.receive('+31612345678', `Delivery ${i}`);
      await sandbox.hooks.idle();
      await zapier.idle();
    }
    const runs = zaps.flatMap((zap, index) => zap.runs.slice(runsBefore[index]));
    const ownerRuns = (owner?.runs ?? []).slice(runsBefore.at(-1)).filter((run) => !relayed(run));
    const allGotAll = zaps.every(
      (zap) =>
        zap.items.filter((item) => String(item.text).startsWith('Delivery')).length === deliveries,
    );
    rows.push({
      Zaps: size,
      'forwards per delivery': runs.filter(relayed).length / deliveries,
      'Callbell requests per delivery': (sandbox.requests.length - before) / deliveries,
      "owner's perform (ms, median)": round(median(ownerRuns.map((run) => run.ms))),
      "owner's perform (ms, max)": round(Math.max(...ownerRuns.map((run) => run.ms))),
      'every Zap got every delivery once': allGotAll ? 'yes' : 'NO',
      'Callbell requests to turn all on': subscribeRequests,
    });
    if (!allGotAll) process.exitCode = 1;
    for (const zap of zaps) await zap.turnOff();
    await zapier.stop();
    await sandbox.stop();
    delete process.env.ZAPIER_HOOK_ORIGIN;
  }
  table(
    `6. Fan-out: one delivery to N Zaps on one account (median of ${deliveries} deliveries; forwards time out after 5 s, Zapier stops a step at 30 s)`,
    rows,
  );
}

async function main() {
  say(
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  );
  await requestsPerOperation();
  coldStart();
  packageSize();
  await hookThroughput();
  await sandboxStart();
  await load();
  await fanOut();
  writeDocs();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
