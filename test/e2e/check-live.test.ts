import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SandboxQuirks } from '../../sandbox/quirks';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { seed } from '../../sandbox/seed';
import { exitCodeOf, type Report, type Verdict } from '../../scripts/lib/live/report';
import { checkLive, type LiveOptions } from '../../scripts/lib/live/run';
import type { LiveApp } from '../../scripts/lib/live/session';
import { startZapReceiver } from './helpers';

// `npm run check-live` against the sandbox: its core on the built app, read-only and with
// --write, with the sandbox answering each reading of Callbell's docs in turn.

// Each run makes dozens of requests, and the command runs start Node: on a busy machine they
// may take longer than jest's default 5 s.
jest.setTimeout(30_000);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const app = require('../../dist/index.js') as LiveApp;

/** Where the sandbox's default is not the docs' reading (see sandbox/quirks.ts). */
const DOCS_READING: Partial<SandboxQuirks> = { sendWithoutChannelUuid: 'refused' };

const NEW_NUMBER = '+31687654321';
const AUDIO_URL = 'https://example.com/voice-note.mp3';
const JOHN = '+31612345678';

const READ_ROWS = [
  'auth.me',
  'channels.list',
  'channels.uuid-format',
  'channels.active',
  'templates.page',
  'templates.title',
  'teams.page',
  'teams.members',
  'teams.members-page',
  'funnels.list',
  'contacts.list',
  'contacts.include_field_types',
  'contacts.by-phone',
  'contacts.by-phone-unknown',
  'webhooks.log',
];

const WRITE_ROWS = [
  'contacts.create',
  'contacts.tags-replace',
  'funnels.put-route',
  'funnels.post-route',
  'funnels.action',
  'send.with-channel_uuid',
  'send.answer-contact',
  'send.channel_uuid-required',
];

let sandbox: Sandbox;

async function startWith(quirks: Partial<SandboxQuirks>) {
  sandbox = await startSandbox({ quirks });
  process.env.CALLBELL_API_URL = sandbox.apiUrl;
}

afterEach(async () => {
  delete process.env.CALLBELL_API_URL;
  await sandbox.stop();
});

function run(options: Partial<LiveOptions> = {}): Promise<Report> {
  return checkLive({ app, apiKey: sandbox.apiKey, confirm: async () => true, ...options });
}

const verdicts = (report: Report) =>
  Object.fromEntries(report.rows.map((entry) => [entry.id, entry.verdict]));

const all = (ids: string[], verdict: Verdict) => Object.fromEntries(ids.map((id) => [id, verdict]));

/** Every contact but the one the run may touch, as the sandbox holds it. */
const othersThan = (uuid: string) =>
  JSON.stringify([...sandbox.account.contacts.values()].filter((contact) => contact.uuid !== uuid));

describe('read-only (the default)', () => {
  it('checks every read assumption, each holding where the sandbox answers as the docs do', async () => {
    await startWith(DOCS_READING);
    const report = await run();
    expect(verdicts(report)).toEqual(all(READ_ROWS, 'holds'));
    expect(report).toMatchObject({ mode: 'read-only', webhook: false, changes: [] });
    expect(exitCodeOf(report)).toBe(0);
    // Nothing but reads reached Callbell.
    expect(sandbox.requests.filter((request) => !request.startsWith('GET '))).toEqual([]);
    expect(sandbox.requests).toEqual(
      expect.arrayContaining([
        'GET /auth/me',
        'GET /channels',
        'GET /templates',
        'GET /teams',
        `GET /teams/${seed.teams[0]?.uuid}/members`,
        'GET /funnels',
        'GET /contacts',
        'GET /contacts/phone/14155550199',
        'GET /webhooks/events',
      ]),
    );
    expect(JSON.stringify(report)).not.toContain(sandbox.apiKey);
  });

  it('stops after the key is refused, saying so in the first row', async () => {
    await startWith(DOCS_READING);
    const report = await checkLive({
      app,
      apiKey: 'test_wrong_key',
      write: { phone: NEW_NUMBER },
      confirm: async () => true,
    });
    expect(verdicts(report)).toEqual({ 'auth.me': 'does not hold' });
    expect(report.writesStopped).toMatch(/key was refused/);
    expect(sandbox.requests).toEqual(['GET /auth/me']);
  });
});

describe('--write', () => {
  it('on a new number: creates, tags, moves, sends, then deletes the test contact; webhook on and off', async () => {
    await startWith(DOCS_READING);
    const receiver = await startZapReceiver();
    const others = othersThan('');
    const plans: string[][] = [];
    const report = await run({
      write: { phone: NEW_NUMBER },
      webhookUrl: receiver.url,
      confirm: async (_account, plan) => plans.push(plan) > 0,
    });
    await receiver.stop();

    expect(verdicts(report)).toEqual({
      ...all(READ_ROWS, 'holds'),
      ...all(WRITE_ROWS, 'holds'),
      // A new contact never wrote: no audio outside the 24-hour window.
      'send.audio-type': 'could not tell',
      'webhooks.subscribe': 'holds',
      'webhooks.deliveries': 'holds',
      'webhooks.log-without-webhook': 'holds',
      'webhooks.connection-check': 'could not tell',
    });
    // Said first: the webhook it replaces cannot be put back.
    expect(plans[0]?.[0]).toMatch(/ONE webhook per account.*will NOT be restored/);
    // The test contact is gone, every other contact is as it was, and so is the webhook.
    expect(() => sandbox.account.contactByPhone('31687654321')).toThrow();
    expect(othersThan('')).toEqual(others);
    expect(sandbox.hooks.current()).toBeNull();
    expect(report.changes.map(({ what, restored }) => [what, restored])).toEqual([
      ['created the test contact +3168…21', true],
      ['tag "Lead" put on the test contact', true],
      ['moved the test contact between funnel stages', true],
      ['sent 1 template message(s) to +3168…21', false],
      ["pointed the account's webhook at the URL given", false],
    ]);
    // It never deleted what it did not create.
    expect(sandbox.requests.filter((request) => request.startsWith('DELETE '))).toEqual([
      expect.stringMatching(/^DELETE \/contacts\/[0-9a-f]{32}$/),
      'DELETE /webhooks/unsubscribe',
    ]);
    const text = JSON.stringify(report);
    expect(text).not.toContain(sandbox.apiKey);
    expect(text).not.toContain('31687654321');
  });

  it("on the maintainer's own contact: a text in the 24-hour window, and everything put back", async () => {
    await startWith(DOCS_READING);
    sandbox.account.receive(JOHN, 'Hi, testing');
    const john = sandbox.account.contactByPhone('31612345678');
    john.funnelId = seed.funnels[1]?.uuid ?? null;
    const before = { tags: [...john.tags], funnelId: john.funnelId };
    const others = othersThan(john.uuid);

    const report = await run({ write: { phone: JOHN, audioUrl: AUDIO_URL } });

    expect(verdicts(report)).toMatchObject({
      ...all(WRITE_ROWS, 'holds'),
      'send.audio-type': 'holds',
      'contacts.create': 'could not tell',
    });
    expect(report.rows.find((entry) => entry.id === 'send.with-channel_uuid')?.answered).toMatch(
      /^text: 200/,
    );
    expect({ tags: john.tags, funnelId: john.funnelId }).toEqual(before);
    expect(sandbox.account.contacts.has(john.uuid)).toBe(true);
    expect(othersThan(john.uuid)).toEqual(others);
    // Only John's record was written to.
    const writes = sandbox.requests.filter((request) =>
      /^(PATCH|PUT|POST) \/contacts\//.test(request),
    );
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((request) => request.includes(john.uuid))).toBe(true);
  });

  it('leaves a contact of yours in no funnel stage alone: it could not be taken out again', async () => {
    await startWith(DOCS_READING);
    const report = await run({ write: { phone: JOHN } });
    expect(verdicts(report)).toMatchObject(
      all(['funnels.put-route', 'funnels.post-route', 'funnels.action'], 'could not tell'),
    );
    expect(sandbox.account.contactByPhone('31612345678').funnelId).toBeNull();
    expect(sandbox.requests.some((request) => request.includes('update_funnel'))).toBe(false);
  });

  it('changes nothing when the plan is not confirmed', async () => {
    await startWith(DOCS_READING);
    const report = await run({ write: { phone: NEW_NUMBER }, confirm: async () => false });
    expect(verdicts(report)).toEqual(all(READ_ROWS, 'holds'));
    expect(report.writesStopped).toMatch(/not confirmed/);
    expect(sandbox.requests.filter((request) => !request.startsWith('GET '))).toEqual([]);
  });
});

describe('a sandbox answering the other reading: the row says it does not hold', () => {
  it.each<[string, Partial<SandboxQuirks>]>([
    ['contacts.tags-replace', { tags: 'add' }],
    ['send.channel_uuid-required', { sendWithoutChannelUuid: 'main channel' }],
    ['funnels.put-route', { funnelRoutes: 'POST only' }],
    ['funnels.post-route', { funnelRoutes: 'PUT only' }],
    ['send.answer-contact', { sendAnswerContact: 'example' }],
  ])('%s with %j', async (id, quirks) => {
    await startWith({ ...DOCS_READING, ...quirks });
    const report = await run({ write: { phone: NEW_NUMBER } });
    expect(verdicts(report)[id]).toBe('does not hold');
    expect(exitCodeOf(report)).toBe(1);
    // Whatever it found, the test contact it created is gone.
    expect(() => sandbox.account.contactByPhone('31687654321')).toThrow();
  });

  it('send.audio-type does not hold where audio is sent as a document', async () => {
    await startWith({ ...DOCS_READING, audioAndVideo: 'sent as document' });
    sandbox.account.receive(JOHN, 'Hi, testing');
    const report = await run({ write: { phone: JOHN, audioUrl: AUDIO_URL } });
    expect(verdicts(report)['send.audio-type']).toBe('does not hold');
    expect(exitCodeOf(report)).toBe(1);
  });
});

describe('the command', () => {
  const run = promisify(execFile);
  const script = join(__dirname, '..', '..', 'dist', 'scripts', 'check-live.js');
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'check-live-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const command = (args: string[]) =>
    run(process.execPath, [script, ...args], {
      cwd: dir,
      env: { ...process.env, NODE_ENV: 'test', CALLBELL_API_URL: sandbox.apiUrl },
    });

  it('reads the key from .env, prints the table, never the key, and writes the report', async () => {
    await startWith(DOCS_READING);
    writeFileSync(join(dir, '.env'), `authData_api_key=${sandbox.apiKey}\n`);
    const { stdout } = await command(['--report', 'report.json']);
    expect(stdout).toContain('| holds | auth.me |');
    expect(stdout).toContain(`Report: ${join(dir, 'report.json')}`);
    expect(stdout).not.toContain(sandbox.apiKey);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
    expect(verdicts(report)).toEqual(all(READ_ROWS, 'holds'));
  });

  it('--write --yes goes on without asking, and says what it changed', async () => {
    await startWith(DOCS_READING);
    writeFileSync(join(dir, '.env'), `authData_api_key=${sandbox.apiKey}\n`);
    const { stdout } = await command(['--write', '--phone', NEW_NUMBER, '--yes']);
    expect(stdout).toContain('About to change the Callbell account of Sandbox Owner');
    expect(stdout).toContain('| holds | contacts.tags-replace |');
    expect(stdout).toContain('- created the test contact +3168…21: restored.');
    expect(() => sandbox.account.contactByPhone('31687654321')).toThrow();
  });

  it('refuses to write without a terminal to confirm on, before any request', async () => {
    await startWith(DOCS_READING);
    writeFileSync(join(dir, '.env'), `authData_api_key=${sandbox.apiKey}\n`);
    await expect(command(['--write', '--phone', NEW_NUMBER])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('refusing to change anything'),
    });
    expect(sandbox.requests).toEqual([]);
  });
});
