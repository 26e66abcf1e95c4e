/**
 * `npm run check-live`: checks every assumption the app makes about Callbell's API against a
 * real account, through the built app and core's app tester, and reports which hold.
 *
 *   npm run check-live                                   read-only
 *   npm run check-live -- --write --phone +31612345678   also changes one test contact (asks first)
 *   … --yes        do not ask (required without a terminal)
 *   … --existing-contact   write even when the number already has a conversation in Callbell
 *   … --webhook https://example.com/hook   also point the account's webhook there, then remove it
 *   … --tag VIP    the tag to put on and take off the test contact
 *   … --audio-url https://example.com/a.mp3   also send one audio message (24-hour window only)
 *   … --video-url https://example.com/v.mp4   also send two video messages (24-hour window only)
 *   … --media-url https://example.com/i.jpg   also send a media template of 2+ placeholders
 *   … --report path.json   where to write the report (default check-live-report.json)
 *
 * The key comes from `.env` (`authData_api_key=…`), as for `zapier invoke`; CALLBELL_API_URL
 * (environment or .env) points it at another server, such as the sandbox. The key is never
 * printed, in any form. npm runs it with NODE_ENV=test: outside tests, core prints a memory
 * report after every run. docs/live-checks.md says how to run it safely.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs, parseEnv } from 'node:util';
import { redactor, type Redactor } from '../src/client/redact';
import { exitCodeOf, renderTable } from './lib/check-live/report';
import { checkLive, PHONE_WARNING } from './lib/check-live/run';
import type { LiveApp } from './lib/check-live/session';

const USAGE =
  'Usage: npm run check-live [-- --write --phone <number you own> [--existing-contact] [--yes] [--webhook <https URL>] [--tag <tag>] [--audio-url <https URL>] [--video-url <https URL>] [--media-url <https URL>]] [--report <file>]';

const HELP = `${USAGE}

Read-only by default. --write changes the account: read the plan it prints before saying yes.
  ${PHONE_WARNING}
  A number that already has a conversation in Callbell is refused unless --existing-contact.
  --webhook replaces the account's one webhook (a Zap's included) and does not restore it.

Exit status: 0 the checks ran; 1 an assumption does not hold; 2 nothing could be checked;
3 a change is left in the account: the report says what to undo by hand.
Every answer that was not Callbell's verdict (no answer, 429, 5xx) reads "could not be checked".`;

/** Every form of the key (src/client/redact.ts), once the key is known. */
let redact: Redactor = redactor(undefined);

/** `.env` values for what the environment does not set already (dotenv's rule). */
function loadDotEnv(file: string) {
  if (!existsSync(file)) return;
  for (const [name, value] of Object.entries(parseEnv(readFileSync(file, 'utf8'))))
    if (process.env[name] === undefined) process.env[name] = value;
}

function fail(message: string): never {
  console.error(`check-live: ${redact.text(message)}`);
  process.exit(2);
}

async function ask(account: string, plan: string[], yes: boolean): Promise<boolean> {
  console.log(`\nAbout to change the Callbell account of ${account}:`);
  for (const line of plan) console.log(`  - ${line}`);
  if (yes) return true;
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await prompt.question('Type yes to go on: ');
  prompt.close();
  return answer.trim().toLowerCase() === 'yes';
}

async function main() {
  const { values } = parseArgs({
    options: {
      write: { type: 'boolean', default: false },
      phone: { type: 'string' },
      yes: { type: 'boolean', default: false },
      'existing-contact': { type: 'boolean', default: false },
      webhook: { type: 'string' },
      tag: { type: 'string' },
      'audio-url': { type: 'string' },
      'video-url': { type: 'string' },
      'media-url': { type: 'string' },
      report: { type: 'string', default: 'check-live-report.json' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (values.write && !values.phone)
    fail(`--write needs --phone: a number you own, whose contact the check may change.\n${USAGE}`);
  if (
    !values.write &&
    (values.phone ||
      values.webhook ||
      values.tag ||
      values['audio-url'] ||
      values['video-url'] ||
      values['media-url'] ||
      values['existing-contact'])
  )
    fail(
      `--phone, --existing-contact, --webhook, --tag, --audio-url, --video-url and --media-url change the account: add --write.\n${USAGE}`,
    );
  if (values.webhook && !/^https?:\/\//.test(values.webhook))
    fail('--webhook needs a full URL with its protocol, e.g. https://example.com/hook.');
  // Without a terminal nobody can confirm: refuse before anything is sent.
  if (values.write && !values.yes && !process.stdin.isTTY)
    fail(
      'refusing to change anything: there is no terminal to confirm on. Add --yes to go on without asking.',
    );

  loadDotEnv(join(process.cwd(), '.env'));
  const apiKey = process.env.authData_api_key?.trim();
  if (!apiKey) fail('no API key: put `authData_api_key=YOUR_KEY` in .env (as for zapier invoke).');
  redact = redactor(apiKey);

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const app = require(join(__dirname, '..', 'index.js')) as LiveApp;
  const report = await checkLive({
    app,
    apiKey,
    write:
      values.write && values.phone
        ? {
            phone: values.phone,
            tag: values.tag,
            audioUrl: values['audio-url'],
            videoUrl: values['video-url'],
            mediaUrl: values['media-url'],
          }
        : undefined,
    existingContact: values['existing-contact'],
    webhookUrl: values.webhook,
    confirm: (account, plan) => ask(account, plan, values.yes),
  });
  // The rows never hold the key; the one redactor makes sure of it, in every form.
  const text = renderTable(report);
  console.log(
    redact.text(`\nCallbell at ${report.apiUrl}, ${report.mode}, ${report.checkedAt}\n\n${text}`),
  );
  const file = resolve(values.report);
  writeFileSync(file, redact.text(`${JSON.stringify(report, null, 2)}\n`));
  console.log(`\nReport: ${file}`);
  process.exitCode = exitCodeOf(report);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`check-live failed: ${redact.text(message)}`);
  process.exit(2);
});
