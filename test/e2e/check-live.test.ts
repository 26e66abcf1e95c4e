import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SandboxQuirks } from '../../sandbox/callbell/quirks';
import { seed } from '../../sandbox/callbell/seed';
import { exitCodeOf, leftOver, type Report } from '../../scripts/lib/check-live/report';
import { checkLive } from '../../scripts/lib/check-live/run';
import type { LiveApp } from '../../scripts/lib/check-live/session';
import { all, AUDIO_URL, JOHN, liveSandbox, NEW_NUMBER, READ_ROWS, verdicts } from './live-helpers';

// `npm run check-live` against the sandbox: read-only, refusals, each reading of Callbell's
// docs flipped, and the command itself. The writes are in check-live-write.test.ts.

// The command runs start Node: on a busy machine they may take longer than jest's 5 s.
jest.setTimeout(30_000);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const app = require('../../dist/index.js') as LiveApp;
const live = liveSandbox();

describe('read-only (the default)', () => {
  it('checks every read assumption, each holding where the sandbox answers as the docs do', async () => {
    const sandbox = await live.start();
    const report = await live.run();
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

  // Readings the app reads alike: the rows about them hold under both.
  it('holds where GET /templates/:uuid answers a list and contact lists carry meta', async () => {
    await live.start({ templateAnswer: 'list', contactListMeta: 'meta' });
    const report = await live.run();
    expect(verdicts(report)).toEqual(all(READ_ROWS, 'holds'));
    expect(report.rows.find((entry) => entry.id === 'templates.get')?.answered).toMatch(
      /template as one-element array/,
    );
  });

  it('stops after the key is refused, saying so in the first row', async () => {
    const sandbox = await live.start();
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

  it('could not check anything when Callbell does not answer, and exits 2', async () => {
    const sandbox = await live.start();
    await sandbox.stop();
    const report = await live.run({ write: { phone: NEW_NUMBER } });
    expect(verdicts(report)).toEqual({ 'auth.me': 'could not be checked' });
    expect(report.rows[0]?.answered).toMatch(/^no answer: .*could not be reached/);
    expect(report.writesStopped).toMatch(/did not answer/);
    expect(exitCodeOf(report)).toBe(2);
  });

  it('changes nothing when the plan is not confirmed', async () => {
    const sandbox = await live.start();
    const report = await live.run({ write: { phone: NEW_NUMBER }, confirm: async () => false });
    expect(verdicts(report)).toEqual(all(READ_ROWS, 'holds'));
    expect(report.writesStopped).toMatch(/not confirmed/);
    expect(sandbox.requests.filter((request) => !request.startsWith('GET '))).toEqual([]);
  });
});

describe('a sandbox answering the other reading: the row says it does not hold', () => {
  // Two runs, each with several readings flipped (the funnel routes cannot both be): on John,
  // who just wrote (text and audio allowed) and sits in a funnel stage (so he can be moved).
  // Audio is not among them: the app sends it as the snippet does, which both readings accept.
  const FLIPS: [string, Partial<SandboxQuirks>][] = [
    ['contacts.tags-replace', { tags: 'add' }],
    ['contacts.custom-fields-merge', { customFields: 'replace' }],
    ['send.channel_uuid-required', { sendWithoutChannelUuid: 'main channel' }],
    ['funnels.put-route', { funnelRoutes: 'POST only' }],
    ['send.answer-contact', { sendAnswerContact: 'example' }],
  ];
  const OTHER_READINGS: Partial<SandboxQuirks> = Object.assign(
    {},
    ...FLIPS.map(([, quirks]) => quirks),
  );

  async function runOn(quirks: Partial<SandboxQuirks>): Promise<Report> {
    const sandbox = await live.start(quirks);
    sandbox.account.receive(JOHN, 'Hi, testing');
    sandbox.account.contactByPhone('31612345678').funnelId = seed.funnels[0]?.uuid ?? null;
    return live.run({ write: { phone: JOHN, audioUrl: AUDIO_URL }, existingContact: true });
  }

  // One run serves every case below; the first case to ask makes it.
  let otherReport: Promise<Report> | undefined;
  const otherReadings = () => (otherReport ??= runOn(OTHER_READINGS));

  it.each(FLIPS)('%s with %j', async (id) => {
    const report = await otherReadings();
    expect(verdicts(report)[id]).toBe('does not hold');
    // Tags are only added: the tag stays on John, which the maintainer must take off by hand.
    expect(exitCodeOf(report)).toBe(3);
    expect(leftOver(report)).toEqual([
      expect.objectContaining({
        what: 'tag "Customer" put on the test contact',
        restored: false,
        undo: 'in Callbell, on the contact +3161…78: remove the tag "Customer"',
      }),
    ]);
  });

  it('and no other row: each reading is told apart from the others', async () => {
    const failing = (await otherReadings()).rows
      .filter((entry) => entry.verdict === 'does not hold')
      .map((entry) => entry.id)
      // The app's own action holds or not depending on whether it falls back to POST.
      .filter((id) => id !== 'funnels.action');
    expect(failing.sort()).toEqual(FLIPS.map(([id]) => id).sort());
  });

  it('funnels.post-route with {"funnelRoutes":"PUT only"}', async () => {
    const report = await runOn({ funnelRoutes: 'PUT only' });
    expect(verdicts(report)).toMatchObject({
      'funnels.put-route': 'holds',
      'funnels.post-route': 'does not hold',
    });
    expect(exitCodeOf(report)).toBe(1);
  });
});

describe('the command', () => {
  const exec = promisify(execFile);
  const script = join(__dirname, '..', '..', 'dist', 'scripts', 'check-live.js');
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'check-live-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const command = (args: string[]) =>
    exec(process.execPath, [script, ...args], {
      cwd: dir,
      env: { ...process.env, NODE_ENV: 'test', CALLBELL_API_URL: live.current().apiUrl },
    });

  it('reads the key from .env, prints the table, never the key, and writes the report', async () => {
    const sandbox = await live.start();
    writeFileSync(join(dir, '.env'), `authData_api_key=${sandbox.apiKey}\n`);
    const { stdout } = await command(['--report', 'report.json']);
    expect(stdout).toContain('| holds | auth.me |');
    expect(stdout).toContain(`Report: ${join(dir, 'report.json')}`);
    expect(stdout).not.toContain(sandbox.apiKey);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
    expect(verdicts(report)).toEqual(all(READ_ROWS, 'holds'));
  });

  it('--write --yes goes on without asking, and says what it changed', async () => {
    const sandbox = await live.start();
    writeFileSync(join(dir, '.env'), `authData_api_key=${sandbox.apiKey}\n`);
    const { stdout } = await command(['--write', '--phone', NEW_NUMBER, '--yes']);
    expect(stdout).toContain('About to change the Callbell account of Sandbox Owner');
    expect(stdout).toContain('| holds | contacts.tags-replace |');
    expect(stdout).toContain('- created the test contact +3168…21: restored.');
    expect(() => sandbox.account.contactByPhone('31687654321')).toThrow();
  });

  it('refuses to write without a terminal to confirm on, before any request', async () => {
    const sandbox = await live.start();
    writeFileSync(join(dir, '.env'), `authData_api_key=${sandbox.apiKey}\n`);
    await expect(command(['--write', '--phone', NEW_NUMBER])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('refusing to change anything'),
    });
    expect(sandbox.requests).toEqual([]);
  });
});
