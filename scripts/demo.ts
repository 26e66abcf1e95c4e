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
import { startSandbox, type Sandbox } from '../sandbox/server';
import { startZapierHooks, type HookApp, type HookZap } from '../sandbox/zapier-hooks';

const root = join(__dirname, '..', '..');
const run = promisify(execFile);

type Json = Record<string, unknown>;

function show(label: string, value: unknown) {
  const text = JSON.stringify(value);
  console.log(`  ${label.padEnd(9)} ${text.length > 150 ? `${text.slice(0, 149)}…` : text}`);
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

async function main() {
  const sandbox = await startSandbox();
  process.env.CALLBELL_API_URL = sandbox.apiUrl;
  const dir = workspaceFor(sandbox);
  let step = 0;
  let failed = 0;

  async function tour(
    title: string,
    args: string[] | null,
    work: () => Promise<unknown>,
    summary: (result: never) => unknown,
  ) {
    step += 1;
    console.log(`\n${step}. ${title}`);
    if (args)
      console.log(
        `  $ zapier-platform invoke ${args.map((arg) => (arg.includes(' ') || arg.startsWith('{') ? `'${arg}'` : arg)).join(' ')}`,
      );
    const before = sandbox.requests.length;
    const deliveredBefore = sandbox.hooks.log.length;
    try {
      const result = await work();
      show('Callbell:', sandbox.requests.slice(before));
      const deliveries = sandbox.hooks.log.slice(0, sandbox.hooks.log.length - deliveredBefore);
      if (deliveries.length)
        show(
          'Webhook:',
          deliveries.map(({ event, response }) => `${event} → HTTP ${response.code}`),
        );
      show('Zap gets:', summary(result as never));
    } catch (error) {
      failed += 1;
      const [message = ''] = (error as Error).message.split('\nWhat happened');
      console.log(`  FAILED: ${readable(message.replace(/\s+/g, ' ').trim())}`);
    }
  }
  const cli = (title: string, args: string[], summary: (result: never) => unknown) =>
    tour(title, args, () => invoke(dir, args), summary);

  console.log(`Callbell sandbox on ${sandbox.apiUrl}: a seeded account, no real Callbell needed.`);

  await cli('Test the connection and label it', ['auth', 'label'], (label: string) => label);
  await cli(
    'Fill the Channel dropdown',
    ['trigger', 'channel_list', '--isFillingDynamicDropdown'],
    (items: Json[]) => items.map((item) => item.name),
  );
  await cli(
    'Fill the Template dropdown (approved only)',
    ['trigger', 'template_list', '--isFillingDynamicDropdown'],
    (items: Json[]) => items.map((item) => item.name),
  );

  const shopifyPhone = '(415) 555-0199';
  await cli(
    'New Shopify customer → Create Contact from their phone as Shopify sends it',
    [
      'create',
      'create_contact',
      '-i',
      JSON.stringify({
        phone: shopifyPhone,
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
  await cli(
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
  await cli(
    'Send a template to Chris (no 24-hour window: a template is required)',
    [
      'create',
      'send_template_message',
      '-i',
      JSON.stringify({
        to: shopifyPhone,
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
      text: sandbox.account.messages.at(-1)?.text,
    }),
  );
  await cli(
    'Find the contact by phone number, in another format',
    ['search', 'find_contact', '-i', JSON.stringify({ phone: '+1 415-555-0199' })],
    (found: Json[]) =>
      found.map((contact) => `${String(contact.name)} ${String(contact.phoneNumberE164)}`),
  );
  const chris = sandbox.account.contactByPhone('14155550199').uuid;
  await cli(
    'Add a note for the team',
    [
      'create',
      'add_conversation_note',
      '-i',
      JSON.stringify({ contact_uuid: chris, text: 'First order, gift wrap requested. @maria' }),
    ],
    (note: Json) => note,
  );
  await cli(
    'Close the conversation',
    ['create', 'close_conversation', '-i', JSON.stringify({ contact_uuid: chris })],
    (contact: Json) => ({ name: contact.name, closedAt: contact.closedAt }),
  );
  const badPhone = [
    'create',
    'send_message',
    '-i',
    JSON.stringify({ to: '555-555-SHIP', text: 'Hi' }),
  ];
  await tour(
    'A bad phone number is refused before anything is sent',
    badPhone,
    () => refusal(dir, badPhone),
    (message: string) => message,
  );

  console.log(
    "\nThe next steps run through core's app tester (as `npm test` does): `zapier-platform invoke`",
  );
  console.log(
    'cannot run hook triggers (subscribe, unsubscribe, a delivery) and always runs `perform`, never',
  );
  console.log("the Zap editor's test (`performList`); its own help lists those limits.");
  await twoZaps(sandbox, tour);

  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
  console.log(failed ? `\n${failed} step(s) failed.` : `\nAll ${step} steps passed.`);
  process.exitCode = failed ? 1 : 0;
}

type Tour = (
  title: string,
  args: string[] | null,
  work: () => Promise<unknown>,
  summary: (result: never) => unknown,
) => Promise<void>;

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

  await tour(
    'Turn on Zap 1, "New Message" (received): the webhook points at it',
    null,
    () => messages.turnOn(),
    () => ({ webhook: webhook() }),
  );
  await tour(
    'Turn on Zap 2, "New Contact": the newest Zap takes the webhook, for both events, and knows Zap 1',
    null,
    () => contacts.turnOn(),
    () => ({ webhook: webhook() }),
  );
  await tour(
    'Ana, a new customer, writes "Do you ship to Lisbon?": both Zaps fire',
    null,
    async () => {
      sandbox.account.receive('+351 912 345 678', 'Do you ship to Lisbon?');
      await sandbox.hooks.idle();
      await zapier.idle();
    },
    () => ({ 'Zap 1 (passed on by Zap 2)': got(messages, 0), 'Zap 2': got(contacts, 0) }),
  );
  await tour(
    'Turn Zap 1 off: Zap 2 keeps the webhook, now for new contacts only',
    null,
    () => messages.turnOff(),
    () => ({ webhook: webhook() }),
  );
  await tour(
    'Another new customer writes in: Zap 2 still fires',
    null,
    async () => {
      const before = contacts.items.length;
      sandbox.account.receive('+351 913 000 111', 'Olá!');
      await sandbox.hooks.idle();
      await zapier.idle();
      return before;
    },
    (before: number) => ({ 'Zap 1': 'off', 'Zap 2': got(contacts, before) }),
  );
  await tour(
    'Turn Zap 2 off, the last one: the webhook is deleted',
    null,
    () => contacts.turnOff(),
    () => ({ webhook: webhook() }),
  );
  await zapier.stop();
  delete process.env.ZAPIER_HOOK_ORIGIN;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
