import {
  exitCodeOf,
  renderTable,
  row,
  type Report,
  type Verdict,
} from '../../scripts/lib/check-live/report';

const report = (verdicts: Verdict[], extra: Partial<Report> = {}): Report => ({
  checkedAt: '2026-11-24T22:00:00.000Z',
  apiUrl: 'https://api.callbell.eu/v1',
  appVersion: '1.0.0',
  mode: 'write',
  webhook: false,
  rows: verdicts.map((verdict, index) =>
    row(`check.${index}`, 'doc.md', 'answers {a|b}', 'line one\nline two', verdict),
  ),
  changes: [],
  ...extra,
});

describe('the check-live report', () => {
  it.each<[Verdict[], number]>([
    [['holds', 'could not tell'], 0],
    [['holds', 'does not hold'], 1],
    [['could not tell'], 2],
    [['could not be checked', 'holds'], 0],
    [[], 2],
  ])('%j exits with %i', (verdicts, code) => {
    expect(exitCodeOf(report(verdicts))).toBe(code);
  });

  it.each<[string, Partial<Report>, number]>([
    [
      'a change left to undo exits 3, before any verdict',
      { changes: [{ what: 'tag put on', restored: false, note: 'n', undo: 'remove it' }] },
      3,
    ],
    [
      'a change that cannot be undone (a sent message) leaves nothing to do',
      { changes: [{ what: 'sent 1 message', restored: false, note: 'cannot be unsent' }] },
      1,
    ],
    [
      'a restored change leaves nothing',
      { changes: [{ what: 'tag put on', restored: true, note: 'set back', undo: 'remove it' }] },
      1,
    ],
  ])('%s', (_case, extra, code) => {
    expect(exitCodeOf(report(['holds', 'does not hold'], extra))).toBe(code);
  });

  it('renders one Markdown row per check, cells kept on one line, then the counts', () => {
    const lines = renderTable(report(['holds', 'does not hold'])).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '| verdict | check | the app assumes | Callbell answered |',
      '| --- | --- | --- | --- |',
      '| holds | check.0 | answers {a\\|b} | line one line two |',
      '| does not hold | check.1 | answers {a\\|b} | line one line two |',
    ]);
    expect(lines).toContain('1 holds, 1 does not hold, 0 could not tell, 0 could not be checked');
  });

  it('says what was changed, what was put back, and why writes stopped', () => {
    const text = renderTable(
      report(['holds'], {
        writesStopped: 'stopped by an error: no answer',
        changes: [
          { what: 'created the test contact +3168…21', restored: true, note: 'deleted' },
          { what: 'sent 1 text message(s)', restored: false, note: 'cannot be unsent' },
        ],
      }),
    );
    expect(text).toContain('Writes: stopped by an error: no answer');
    expect(text).toContain('- created the test contact +3168…21: restored. deleted');
    expect(text).toContain('- sent 1 text message(s): NOT restored. cannot be unsent');
    expect(text).not.toContain('left in the account');
  });

  it('says what to undo by hand, and how many changes are left', () => {
    const text = renderTable(
      report(['holds'], {
        changes: [
          {
            what: 'created the test contact +3168…21',
            restored: false,
            note: 'not deleted: no answer (ECONNRESET)',
            undo: 'delete the contact +3168…21 in Callbell, if it is there',
          },
        ],
      }),
    );
    expect(text).toContain(
      '- created the test contact +3168…21: NOT restored. not deleted: no answer (ECONNRESET) UNDO BY HAND: delete the contact +3168…21 in Callbell, if it is there',
    );
    expect(text).toContain('1 change(s) are left in the account: undo them by hand as said above.');
  });
});
