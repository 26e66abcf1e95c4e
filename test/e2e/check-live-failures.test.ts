import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { exitCodeOf, leftOver, renderTable, type Report } from '../../scripts/lib/live/report';
import { checkLive, PHONE_WARNING, type LiveOptions } from '../../scripts/lib/live/run';
import type { LiveApp } from '../../scripts/lib/live/session';
import { PASS, startFaultyProxy, type FaultRule } from './faulty-proxy';
import { JOHN, NEW_NUMBER, verdicts } from './live-helpers';
import { startZapReceiver } from './helpers';

// `npm run check-live` when things go wrong between it and Callbell: the key echoed in every
// form, connections dropped midway, outages where a verdict was expected, and a --phone that
// reaches a customer. The sandbox answers by the docs; a proxy in front of it fails requests.

jest.setTimeout(30_000);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const app = require('../../dist/index.js') as LiveApp;

/** A key with upper and lower case, so each case form differs from the key. */
const KEY = 'Live_K3y_MixedCase_9f8e7d6c5b4a';

/** Every form in which an answer may echo the key (src/client/redact.ts). */
const KEY_FORMS: [string, string][] = [
  ['as sent', KEY],
  ['upper-cased', KEY.toUpperCase()],
  ['lower-cased', KEY.toLowerCase()],
  ['percent-encoded', [...KEY].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')],
  ['cut short (its start)', KEY.slice(0, 14)],
  ['cut short (its end)', KEY.slice(-14)],
];

let sandbox: Sandbox | undefined;
let proxy: Awaited<ReturnType<typeof startFaultyProxy>> | undefined;

afterEach(async () => {
  delete process.env.CALLBELL_API_URL;
  await proxy?.stop();
  await sandbox?.stop();
  proxy = undefined;
  sandbox = undefined;
});

/** The sandbox behind a proxy that applies `rule`; the app is pointed at the proxy. */
async function behindProxy(rule: FaultRule): Promise<Sandbox> {
  sandbox = await startSandbox({ apiKey: KEY });
  proxy = await startFaultyProxy(sandbox.apiUrl, rule);
  process.env.CALLBELL_API_URL = proxy.apiUrl;
  return sandbox;
}

const run = (options: Partial<LiveOptions> = {}) =>
  checkLive({ app, apiKey: KEY, confirm: async () => true, ...options });

/** Passes everything until `after` has passed once, then drops every connection. */
function dropAfter(method: string, path: RegExp): FaultRule {
  let passed = false;
  return (request) => {
    if (passed) return { drop: true };
    if (request.method === method && path.test(request.path)) passed = true;
    return PASS;
  };
}

describe('the key, in every form an answer echoes it, never reaches the output or the report', () => {
  const exec = promisify(execFile);
  const script = join(__dirname, '..', '..', 'dist', 'scripts', 'check-live.js');
  let output = '';
  let report = '';

  beforeAll(async () => {
    const echo = KEY_FORMS.map(([, form]) => form).join(' ');
    const rule: FaultRule = ({ path }) => {
      if (path.startsWith('/v1/templates?page=2'))
        return { status: 422, body: JSON.stringify({ error: `invalid key ${echo}` }) };
      if (path === '/v1/auth/me')
        return {
          pass: true,
          rewrite: (body) =>
            JSON.stringify({ ...(JSON.parse(body) as object), [KEY.toUpperCase()]: echo }),
        };
      return PASS;
    };
    const box = await startSandbox({ apiKey: KEY });
    const front = await startFaultyProxy(box.apiUrl, rule);
    const dir = mkdtempSync(join(tmpdir(), 'check-live-'));
    try {
      writeFileSync(join(dir, '.env'), `authData_api_key=${KEY}\n`);
      // It exits 1 (templates.page does not hold, with the 422 above): read what it printed.
      const { stdout, stderr } = await exec(process.execPath, [script], {
        cwd: dir,
        env: { ...process.env, NODE_ENV: 'test', CALLBELL_API_URL: front.apiUrl },
      }).catch((error: { stdout: string; stderr: string }) => error);
      output = stdout + stderr;
      report = readFileSync(join(dir, 'check-live-report.json'), 'utf8');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await front.stop();
      await box.stop();
    }
  });

  it('the echo reached the report (so the checks below can fail)', () => {
    expect(output).toContain('| does not hold | templates.page |');
    expect(report).toContain('[API key]');
  });

  it.each(KEY_FORMS)('%s: not in the printed output', (_form, text) => {
    expect(output).not.toContain(text);
  });

  it.each(KEY_FORMS)('%s: not in check-live-report.json', (_form, text) => {
    expect(report).not.toContain(text);
  });
});

describe('a connection lost midway: what was changed is restored where it can be, and said', () => {
  it('with --webhook: the report lists the contact and the webhook, each to undo by hand; exit 3', async () => {
    const box = await behindProxy(dropAfter('POST', /^\/v1\/contacts$/));
    const receiver = await startZapReceiver();
    try {
      const report = await run({ write: { phone: NEW_NUMBER }, webhookUrl: receiver.url });
      expect(report.changes).toEqual([
        expect.objectContaining({
          what: "pointed the account's webhook at the URL given",
          restored: false,
          undo: expect.stringMatching(/^remove the webhook in Callbell/),
        }),
        expect.objectContaining({
          what: 'created the test contact +3168…21',
          restored: false,
          undo: 'delete the contact +3168…21 in Callbell, if it is there',
        }),
      ]);
      expect(exitCodeOf(report)).toBe(3);
      expect(renderTable(report)).toContain('2 change(s) are left in the account');
      // The report tells the truth: both are still there.
      expect(box.hooks.current()).not.toBeNull();
      expect(box.account.contactByPhone('31687654321')).toBeDefined();
    } finally {
      await receiver.stop();
    }
  });

  it('without --webhook: the contact is reported left, not "deleted at the end"; exit 3', async () => {
    const box = await behindProxy(dropAfter('POST', /^\/v1\/contacts$/));
    const report = await run({ write: { phone: NEW_NUMBER } });
    expect(leftOver(report).map((change) => change.what)).toEqual([
      'created the test contact +3168…21',
    ]);
    expect(JSON.stringify(report)).not.toContain('deleted at the end');
    expect(exitCodeOf(report)).toBe(3);
    expect(box.account.contactByPhone('31687654321')).toBeDefined();
  });

  it('the delete itself lost: the tag and funnel changes went with nothing, the contact is left', async () => {
    const box = await behindProxy(({ method }) => (method === 'DELETE' ? { drop: true } : PASS));
    const report = await run({ write: { phone: NEW_NUMBER } });
    expect(leftOver(report)).toEqual([
      expect.objectContaining({
        what: 'created the test contact +3168…21',
        note: expect.stringMatching(/^not deleted: no answer/),
      }),
    ]);
    expect(box.account.contactByPhone('31687654321')).toBeDefined();
  });

  it.each([
    ['the create never reached Callbell: nothing to undo', false, []],
    [
      'Callbell created the contact and its answer was lost: found again, the run goes on, then deletes it',
      true,
      [['created the test contact +3168…21', true]],
    ],
  ])('%s', async (_case, reached, changes) => {
    const box = await behindProxy(({ method, path }) =>
      method === 'POST' && path === '/v1/contacts'
        ? reached
          ? { pass: true, loseAnswer: true }
          : { drop: true }
        : PASS,
    );
    const report = await run({ write: { phone: NEW_NUMBER } });
    expect(verdicts(report)['contacts.create']).toBe('could not be checked');
    const creations = report.changes.filter((change) => change.what.startsWith('created'));
    expect(creations.map(({ what, restored }) => [what, restored])).toEqual(changes);
    expect(leftOver(report)).toEqual([]);
    expect(() => box.account.contactByPhone('31687654321')).toThrow();
  });

  it('the command writes the report, prints what to undo, and exits 3', async () => {
    await behindProxy(dropAfter('POST', /^\/v1\/contacts$/));
    const dir = mkdtempSync(join(tmpdir(), 'check-live-'));
    try {
      writeFileSync(join(dir, '.env'), `authData_api_key=${KEY}\n`);
      const failure = await promisify(execFile)(
        process.execPath,
        [
          join(__dirname, '..', '..', 'dist', 'scripts', 'check-live.js'),
          '--write',
          '--phone',
          NEW_NUMBER,
          '--yes',
        ],
        { cwd: dir, env: { ...process.env, NODE_ENV: 'test' } },
      ).then(
        () => undefined,
        (error: { code?: number; stdout?: string }) => error,
      );
      expect(failure?.code).toBe(3);
      expect(failure?.stdout).toContain('- created the test contact +3168…21: NOT restored.');
      expect(failure?.stdout).toContain('UNDO BY HAND: delete the contact +3168…21 in Callbell');
      const saved = JSON.parse(readFileSync(join(dir, 'check-live-report.json'), 'utf8')) as Report;
      expect(leftOver(saved)).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("an answer that is not Callbell's verdict is never read as one", () => {
  it.each([
    ['500 on GET /auth/me', 'auth.me', 'GET', /^\/v1\/auth\/me$/, 500],
    ['503 on GET /channels', 'channels.list', 'GET', /^\/v1\/channels(\?|$)/, 503],
    ['429 on GET /teams', 'teams.page', 'GET', /^\/v1\/teams(\?|$)/, 429],
  ])('%s: %s could not be checked', async (_case, id, method, path, status) => {
    await behindProxy((request) =>
      request.method === method && path.test(request.path)
        ? { status, body: '{"error":"unavailable"}' }
        : PASS,
    );
    const report = await run();
    expect(verdicts(report)[id]).toBe('could not be checked');
    expect(report.rows.some((entry) => entry.verdict === 'does not hold')).toBe(false);
  });

  it('a 500 on the PATCH that sets the tags back: could not be checked, not "PATCH only adds tags"', async () => {
    let patches = 0;
    await behindProxy(({ method }) =>
      method === 'PATCH' && ++patches === 2 ? { status: 500, body: '{}' } : PASS,
    );
    const report = await run({ write: { phone: NEW_NUMBER } });
    const tags = report.rows.find((entry) => entry.id === 'contacts.tags-replace');
    expect(tags?.verdict).toBe('could not be checked');
    expect(tags?.answered).toContain("not Callbell's verdict: PATCH");
  });

  it('no answer at all on a dropdown page: could not be checked', async () => {
    await behindProxy(({ path }) => (path.startsWith('/v1/funnels') ? { drop: true } : PASS));
    const report = await run();
    expect(verdicts(report)['funnels.list']).toBe('could not be checked');
  });
});

describe('--phone reaches whoever has the number', () => {
  it('refuses a number with a conversation, before any change', async () => {
    const box = await behindProxy(() => PASS);
    box.account.receive(JOHN, 'Hi, I am a customer');
    const plans: string[][] = [];
    const report = await run({
      write: { phone: JOHN },
      confirm: async (_account, plan) => plans.push(plan) > 0,
    });
    expect(report.writesStopped).toMatch(/already has a conversation .*--existing-contact/);
    expect(plans).toEqual([]);
    expect(box.requests.filter((request) => !request.startsWith('GET '))).toEqual([]);
  });

  it('with --existing-contact, the plan warns that a customer would get the messages', async () => {
    const box = await behindProxy(() => PASS);
    box.account.receive(JOHN, 'Hi, I am a customer');
    const plans: string[][] = [];
    await run({
      write: { phone: JOHN },
      existingContact: true,
      confirm: async (_account, plan) => plans.push(plan) < 0,
    });
    expect(plans[0]?.slice(0, 2)).toEqual([
      PHONE_WARNING,
      expect.stringMatching(
        /^WARNING: the number \+31612345678 belongs to a contact WITH a conversation/,
      ),
    ]);
  });

  it('--help says it, and what the exit status means', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      join(__dirname, '..', '..', 'dist', 'scripts', 'check-live.js'),
      '--help',
    ]);
    expect(stdout).toContain(PHONE_WARNING);
    expect(stdout).toContain('--existing-contact');
    expect(stdout).toContain('3 a change is left in the account');
  });
});
