/**
 * `npm run demo`: a tour of the integration on a fresh machine, with no Callbell account.
 * It starts the local Callbell sandbox, then drives the built app the way a Zap author does:
 * through the real CLI (`zapier-platform invoke`) for auth, dropdowns, actions and searches,
 * and through core's app tester for the REST-hook round trip, which invoke cannot run.
 * npm runs it with NODE_ENV=test: outside tests, core prints a memory report after every run.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createAppTester, type Bundle } from 'zapier-platform-core';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { startZapReceiver } from '../sandbox/zap-receiver';

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

/** Runs an invoke that must fail, and answers the error the Zap author would see. */
async function refusal(dir: string, args: string[]): Promise<string> {
  try {
    await invoke(dir, args);
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '');
    // The CLI wraps its error over several "›"-prefixed lines.
    const wrapped = stderr.split('\n').filter((line) => line.trim().startsWith('›'));
    const message = wrapped.map((line) => line.replace(/^\s*›\s*/, '')).join(' ');
    const text =
      message
        .replace(/^Error:\s*/, '')
        .replace(/\s+/g, ' ')
        .trim() || stderr.trim();
    return zapierText(text);
  }
  throw new Error('the step was accepted but should have been refused');
}

/**
 * z.errors.Error keeps `{message, code}` as JSON (the CLI adds a hint after it); Zapier shows
 * the message alone.
 */
function zapierText(text: string): string {
  try {
    const { message } = JSON.parse(text.slice(0, text.lastIndexOf('}') + 1)) as {
      message?: unknown;
    };
    return typeof message === 'string' ? message : text;
  } catch {
    return text;
  }
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
      console.log(`  FAILED: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`);
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

  await hookRoundTrip(sandbox, tour);

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

/** Subscribe, a customer writes in, the trigger's output, unsubscribe: as Zapier runs it. */
async function hookRoundTrip(sandbox: Sandbox, tour: Tour) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const app = require('../index.js') as {
    triggers: Record<string, { operation: Record<string, never> }>;
  };
  const appTester = createAppTester(app);
  const hook = app.triggers.message_created?.operation ?? {};
  const zapier = await startZapReceiver();
  const targetUrl = zapier.url;
  const bundle = (extra: Partial<Bundle>) => ({
    authData: { api_key: sandbox.apiKey },
    inputData: { direction: 'received' },
    ...extra,
  });

  await tour(
    'Turn on a "New Message" Zap: subscribe the webhook',
    null,
    () => appTester(hook.performSubscribe, bundle({ targetUrl })),
    (data: Json) => data,
  );
  await tour(
    'John writes "Can I change my address?": Callbell delivers it to the Zap',
    null,
    async () => {
      sandbox.account.receive('+31612345678', 'Can I change my address?');
      await sandbox.hooks.idle();
      return appTester(hook.perform, bundle({ cleanedRequest: zapier.bodies.at(-1) }));
    },
    (items: Json[]) =>
      items.map((item) => ({
        id: item.id,
        text: item.text,
        from: (item.contact as Json).name,
        phone: (item.contact as Json).phoneNumberE164,
      })),
  );
  await tour(
    'Turn the Zap off: unsubscribe',
    null,
    () => appTester(hook.performUnsubscribe, bundle({})),
    (data: Json) => data,
  );
  await zapier.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
