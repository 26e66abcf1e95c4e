import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startSandbox } from '../../sandbox/callbell/server';
import { PHONE_WARNING } from '../../scripts/lib/check-live/run';
import { PASS, startFaultyProxy, type FaultRule } from './faulty-proxy';
import { behindProxy, KEY, run, stopFaults } from './live-faults';
import { JOHN, NEW_NUMBER, verdicts } from './live-helpers';

// `npm run check-live` when Callbell echoes the key, answers with an outage where a verdict
// was expected, or when --phone reaches a customer (live-faults.ts). Connections lost midway
// are in check-live-restore.test.ts: core's app tester allows a few hundred steps per process.

jest.setTimeout(30_000);

/** Every form in which an answer may echo the key (src/client/redact.ts). */
const KEY_FORMS: [string, string][] = [
  ['as sent', KEY],
  ['upper-cased', KEY.toUpperCase()],
  ['lower-cased', KEY.toLowerCase()],
  ['percent-encoded', [...KEY].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')],
  ['cut short (its start)', KEY.slice(0, 14)],
  ['cut short (its end)', KEY.slice(-14)],
];

afterEach(stopFaults);

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
