/**
 * `npm run demo`: a tour of the integration on a fresh machine, with no Callbell account.
 * It starts the local Callbell sandbox, then drives the built app the way a Zap author does:
 * through the real CLI (`zapier-platform invoke`) for auth, dropdowns, actions and searches,
 * and, for instant triggers, which invoke cannot run, through core's app tester behind a
 * stand-in for Zapier's hook service: two Zaps with different triggers on one account.
 * npm runs it with NODE_ENV=test: outside tests, core prints a memory report after every run.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startSandbox, type Sandbox } from '../sandbox/callbell/server';
import { startZapierHooks, type HookApp, type HookZap } from '../sandbox/zapier/hooks';

const root = join(__dirname, '..', '..');
const run = promisify(execFile);

type Json = Record<string, unknown>;

/**
 * A labelled line of the tour. Text (an error the Zap author reads) is shown whole; JSON is cut
 * after 150 characters, at a word's end.
 */
function show(label: string, value: unknown) {
  const json = JSON.stringify(value);
  const cut = json.length > 150 ? `${json.slice(0, 150).replace(/[\w-]*$/, '')}…` : json;
  const text = typeof value === 'string' ? value : cut;
  console.log(`  ${label.padEnd(9)} ${text}`);
}

/** A throwaway copy of the project folder (links) whose .env points the CLI at the sandbox. */
function workspaceFor(sandbox: Sandbox): string {
  const dir = mkdtempSync(join(tmpdir(), 'callbell-demo-'));
  for (const name of ['package.json', 'index.js', 'dist', 'node_modules', '.zapierapprc']) {
    symlinkSync(join(root, name), join(dir, name));
  }
  writeFileSync(
    join(dir, '.env'),
    `authData_api_key=${sandbox.apiKey}\nCALLBELL_API_URL=${sandbox.apiUrl}\n`,
  );
  return dir;
}

async function invoke(dir: string, args: string[]): Promise<unknown> {
  const bin = join(root, 'node_modules', '.bin');
  const { stdout } = await run(join(bin, 'zapier-platform'), ['invoke', ...args], {
    cwd: dir,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
  });
  const text = stdout.trim();
  return text.startsWith('[') || text.startsWith('{') ? (JSON.parse(text) as unknown) : text;
}

/**
 * An error as Zapier shows it: core stores a z.errors.Error as JSON `{message, code, status}`,
 * and the Zap author reads the message (and, in the task history, the code).
 */
function readable(text: string): string {
  // The CLI prints the JSON wrapped over several lines, so read its fields one by one.
  const field = (name: string) => {
    const match = new RegExp(`"${name}":"((?:[^"\\\\]|\\\\.)*)"`).exec(text);
    return match ? (JSON.parse(`"${match[1] ?? ''}"`) as string) : undefined;
  };
  const message = field('message');
  if (message === undefined) return text;
  const code = field('code');
  return code ? `${message} [${code}]` : message;
}

/** Runs an invoke that must fail, and answers the error the Zap author would see. */
async function refusal(dir: string, args: string[]): Promise<string> {
  try {
    await invoke(dir, args);
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '');
    // The CLI wraps its error over several "›"-prefixed lines.
    const wrapped = stderr.split('\n').filter((line) => line.trim().startsWith('›'));
    const message = wrapped.map((line) => line.replace(/^\s*›\s*/, '')).join(' ');
    return readable(
      message
        .replace(/^Error:\s*/, '')
        .replace(/\s+/g, ' ')
        .trim() || stderr.trim(),
    );
  }
  throw new Error('the step was accepted but should have been refused');
}

/** What one step of the tour does, and what the Zap author reads of its result. */
interface TourStep {
  title: string;
  /** The `zapier-platform invoke` arguments it runs; none for steps the CLI cannot run. */
  args?: string[];
  work: () => Promise<unknown>;
  summary: (result: never) => unknown;
  /** Why the requests are what they are, where that is not obvious. */
  note?: string;
}

/** How an invoke command is shown: arguments with spaces or JSON quoted for a shell. */
function commandLine(args: string[]): string {
  const quoted = args.map((arg) => (arg.includes(' ') || arg.startsWith('{') ? `'${arg}'` : arg));
  return `  $ zapier-platform invoke ${quoted.join(' ')}`;
}

/**
 * Runs `work` with console.log collected rather than printed: what the app logs (Zapier shows
 * it in the Zap's history) is shown as part of its step, not between the steps.
 */
async function collectingLogs<T>(work: () => Promise<T>): Promise<{ result: T; logs: string[] }> {
  const logs: string[] = [];
  const print = console.log;
  console.log = (...parts: unknown[]) => logs.push(parts.map(String).join(' ').trim());
  try {
    return { result: await work(), logs };
  } finally {
    console.log = print;
  }
}

/** The tour: numbered steps, each with the requests Callbell received and what the Zap gets. */
class Tour {
  private step = 0;
  failed = 0;

  constructor(readonly sandbox: Sandbox) {}

  get steps(): number {
    return this.step;
  }

  async run({ title, args, work, summary, note }: TourStep): Promise<void> {
    this.step += 1;
    console.log(`\n${this.step}. ${title}`);
    if (args) console.log(commandLine(args));
    const before = this.sandbox.requests.length;
    const deliveredBefore = this.sandbox.hooks.log.length;
    try {
      const { result, logs } = await collectingLogs(work);
      show('Callbell:', this.sandbox.requests.slice(before));
      if (note) show('Why:', note);
      const deliveries = this.sandbox.hooks.log.slice(
        0,
        this.sandbox.hooks.log.length - deliveredBefore,
      );
      if (deliveries.length)
        show(
          'Webhook:',
          deliveries.map(({ event, response }) => `${event} → HTTP ${response.code}`),
        );
      if (logs.length) show('Zap log:', logs);
      show('Zap gets:', summary(result as never));
    } catch (error) {
      this.failed += 1;
      const [message = ''] = (error as Error).message.split('\nWhat happened');
      console.log(`  FAILED: ${readable(message.replace(/\s+/g, ' ').trim())}`);
    }
  }

  /** A step run through the real CLI, in the workspace that points it at the sandbox. */
  cli(
    dir: string,
    title: string,
    args: string[],
    summary: (result: never) => unknown,
    note?: string,
  ) {
    return this.run({ title, args, work: () => invoke(dir, args), summary, note });
  }
}

/** What a Zap author does first: connect, then open the dropdowns of a step. */
async function connectAndFillDropdowns(tour: Tour, dir: string) {
  await tour.cli(
    dir,
    'Test the connection and label it',
    ['auth', 'label'],
    (label: string) => label,
  );
  await tour.cli(
    dir,
    'Fill the Channel dropdown',
    ['trigger', 'channel_list', '--isFillingDynamicDropdown'],
    (items: Json[]) => items.map((item) => item.name),
  );
  await tour.cli(
    dir,
    'Fill the Template dropdown (approved only)',
    ['trigger', 'template_list', '--isFillingDynamicDropdown'],
    (items: Json[]) => items.map((item) => item.name),
  );
}

const SHOPIFY_PHONE = '(415) 555-0199';

/** A new Shopify customer: create the contact from the phone as Shopify sends it, then write. */
async function welcomeShopifyCustomer(tour: Tour, dir: string) {
  await tour.cli(
    dir,
    'New Shopify customer → Create Contact from their phone as Shopify sends it',
    [
      'create',
      'create_contact',
      '-i',
      JSON.stringify({
        phone: SHOPIFY_PHONE,
        default_country: 'US',
        name: 'Chris Lee',
        tags: ['Shopify'],
        custom_fields: { 'Order Number': '#1002' },
      }),
    ],
    (contact: Json) => ({
      uuid: contact.uuid,
      phone: contact.phoneNumberE164,
      tags: contact.tags,
      customFields: contact.customFields,
    }),
  );
  await tour.cli(
    dir,
    'Send a text to John, who wrote in two hours ago',
    [
      'create',
      'send_message',
      '-i',
      JSON.stringify({ to: '+31 6 1234 5678', text: 'Your order #1001 has shipped!' }),
    ],
    (message: Json) => ({
      uuid: message.uuid,
      status: message.status,
      conversation: message.conversationHref,
    }),
  );
  await tour.cli(
    dir,
    'Send a template to Chris (no 24-hour window: a template is required)',
    [
      'create',
      'send_template_message',
      '-i',
      JSON.stringify({
        to: SHOPIFY_PHONE,
        default_country: 'US',
        template_uuid: 'd980fb66fd5043d3bce1aa06ba044342',
        template_value_1: 'Chris',
        template_value_2: '#1002',
        optin_contact: 'true',
      }),
    ],
    (message: Json) => ({
      uuid: message.uuid,
      status: message.status,
      text: tour.sandbox.account.messages.at(-1)?.text,
    }),
    'GET /templates twice: invoke loads the fields, then runs the send without their meta ' +
      '(bundle.meta.inputFields, where Zapier keeps the template), so the send reads it again; ' +
      'each invoke starts with an empty z.cache, hence GET /channels for the main channel',
  );
}

/** Find the contact again, in another format, and work its conversation. */
async function followUpInTheConversation(tour: Tour, dir: string) {
  await tour.cli(
    dir,
    'Find the contact by phone number, in another format',
    ['search', 'find_contact', '-i', JSON.stringify({ phone: '+1 415-555-0199' })],
    (found: Json[]) =>
      found.map((contact) => `${String(contact.name)} ${String(contact.phoneNumberE164)}`),
  );
  const chris = tour.sandbox.account.contactByPhone('14155550199').uuid;
  await tour.cli(
    dir,
    'Add a note for the team',
    [
      'create',
      'add_conversation_note',
      '-i',
      JSON.stringify({ contact_uuid: chris, text: 'First order, gift wrap requested. @maria' }),
    ],
    (note: Json) => note,
  );
  await tour.cli(
    dir,
    'Close the conversation',
    ['create', 'close_conversation', '-i', JSON.stringify({ contact_uuid: chris })],
    (contact: Json) => ({ name: contact.name, closedAt: contact.closedAt }),
  );
}

/** Bad input is refused before any request, with the whole message the Zap author reads. */
async function refuseBadPhone(tour: Tour, dir: string) {
  const args = ['create', 'send_message', '-i', JSON.stringify({ to: '555-555-SHIP', text: 'Hi' })];
  await tour.run({
    title: 'A bad phone number is refused before anything is sent',
    args,
    work: () => refusal(dir, args),
    summary: (message: string) => message,
  });
}

function explainAppTester() {
  console.log(
    "\nThe next steps run through core's app tester (as `npm test` does): `zapier-platform invoke`",
  );
  console.log(
    'cannot run hook triggers (subscribe, unsubscribe, a delivery) and always runs `perform`, never',
  );
  console.log("the Zap editor's test (`performList`); its own help lists those limits.");
}

async function main() {
  const sandbox = await startSandbox();
  process.env.CALLBELL_API_URL = sandbox.apiUrl;
  const dir = workspaceFor(sandbox);
  const tour = new Tour(sandbox);
  console.log(`Callbell sandbox on ${sandbox.apiUrl}: a seeded account, no real Callbell needed.`);

  await connectAndFillDropdowns(tour, dir);
  await welcomeShopifyCustomer(tour, dir);
  await followUpInTheConversation(tour, dir);
  await refuseBadPhone(tour, dir);
  explainAppTester();
  await twoZaps(sandbox, tour);

  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
  console.log(
    tour.failed ? `\n${tour.failed} step(s) failed.` : `\nAll ${tour.steps} steps passed.`,
  );
  process.exitCode = tour.failed ? 1 : 0;
}

/**
 * Two Zaps with different triggers on one account, as Zapier runs them (each with its own
 * hook URL on a stand-in for Zapier's hook service): both receive their events although
 * Callbell keeps one webhook per account (the newest Zap takes it and passes events on to the
 * other), and turning the first off leaves the second on.
 */
async function twoZaps(sandbox: Sandbox, tour: Tour) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const app = require('../index.js') as HookApp;
  const zapier = await startZapierHooks(app, { api_key: sandbox.apiKey });
  process.env.ZAPIER_HOOK_ORIGIN = zapier.origin;
  const messages = zapier.zap('message_created', { direction: 'received' });
  const contacts = zapier.zap('contact_created');
  const webhook = () => {
    const current = sandbox.hooks.current();
    // The app adds a token to the Zap's URL (src/webhooks/signing.ts).
    const zap = current?.url.split('?')[0];
    return current
      ? `→ ${zap === messages.url ? 'Zap 1' : 'Zap 2'} for ${current.subscriptions.join(', ')}`
      : 'none';
  };
  const got = (zap: HookZap, from: number) =>
    zap.items.slice(from).map((item) => `${String(item.event)}: ${String(item.name ?? item.text)}`);

  await tour.run({
    title:
      'Turn on Zap 1, "New Message" (received): the webhook points at it, for every event (with no list of Zaps yet, it cannot tell a new account from a cache that forgot older Zaps)',
    work: () => messages.turnOn(),
    summary: () => ({ webhook: webhook() }),
  });
  await tour.run({
    title:
      'Turn on Zap 2, "New Contact": the newest Zap takes the webhook, for both events, and knows Zap 1',
    work: () => contacts.turnOn(),
    summary: () => ({ webhook: webhook() }),
  });
  await tour.run({
    title: 'Ana, a new customer, writes "Do you ship to Lisbon?": both Zaps fire',
    work: async () => {
      sandbox.account.receive('+351 912 345 678', 'Do you ship to Lisbon?');
      await sandbox.hooks.idle();
      await zapier.idle();
    },
    summary: () => ({ 'Zap 1 (passed on by Zap 2)': got(messages, 0), 'Zap 2': got(contacts, 0) }),
  });
  await tour.run({
    title: 'Turn Zap 1 off: Zap 2 keeps the webhook, now for new contacts only',
    work: () => messages.turnOff(),
    summary: () => ({ webhook: webhook() }),
  });
  await tour.run({
    title: 'Another new customer writes in: Zap 2 still fires',
    work: async () => {
      const before = contacts.items.length;
      sandbox.account.receive('+351 913 000 111', 'Olá!');
      await sandbox.hooks.idle();
      await zapier.idle();
      return before;
    },
    summary: (before: number) => ({ 'Zap 1': 'off', 'Zap 2': got(contacts, before) }),
  });
  await tour.run({
    title: 'Turn Zap 2 off, the last one: the webhook is deleted',
    work: () => contacts.turnOff(),
    summary: () => ({ webhook: webhook() }),
  });
  await zapier.stop();
  delete process.env.ZAPIER_HOOK_ORIGIN;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
