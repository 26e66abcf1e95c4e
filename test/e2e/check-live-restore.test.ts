import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  exitCodeOf,
  leftOver,
  renderTable,
  type Report,
} from '../../scripts/lib/check-live/report';
import { PASS } from './faulty-proxy';
import { startZapReceiver } from './helpers';
import { behindProxy, dropAfter, KEY, run, stopFaults } from './live-faults';
import { NEW_NUMBER, verdicts } from './live-helpers';
// `npm run check-live` when the connection to Callbell is lost midway: what was changed is
// restored where it can be, and what is left is said (live-faults.ts has the proxy).

jest.setTimeout(30_000);

afterEach(stopFaults);

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
