/** What `npm run check-live` found: one row per assumption, and what it changed and put back. */

/**
 * `could not tell`: the answer does not decide (nothing to try it on, not tried). `could not be
 * checked`: Callbell gave no verdict (no answer, 429, 5xx), so the row says nothing either way.
 */
export type Verdict = 'holds' | 'does not hold' | 'could not tell' | 'could not be checked';

export const VERDICTS: readonly Verdict[] = [
  'holds',
  'does not hold',
  'could not tell',
  'could not be checked',
];

export interface Row {
  /** Stable name of the check, e.g. `send.channel_uuid-required`, for comments to cite. */
  id: string;
  /** Where the question comes from, in callbellchat/callbell-public-docs. */
  doc: string;
  /** What the app assumes. */
  assumes: string;
  /** What Callbell answered: statuses, keys and counts, never values or the key. */
  answered: string;
  verdict: Verdict;
}

/**
 * Something the run changed in the account, recorded before the request that makes it (so a
 * run that stops midway still lists it), and whether it was put back.
 */
export interface Change {
  what: string;
  restored: boolean;
  note: string;
  /** What the maintainer must do in Callbell while it is not restored; none when nothing can. */
  undo?: string;
}

/** Changes still in the account that the maintainer must undo by hand. */
export const leftOver = (report: Pick<Report, 'changes'>): Change[] =>
  report.changes.filter((change) => !change.restored && change.undo);

export interface Report {
  checkedAt: string;
  apiUrl: string;
  appVersion: string;
  mode: 'read-only' | 'write';
  webhook: boolean;
  rows: Row[];
  changes: Change[];
  /** Why the writes asked for did not happen, or stopped. */
  writesStopped?: string;
}

export const row = (
  id: string,
  doc: string,
  assumes: string,
  answered: string,
  verdict: Verdict,
): Row => ({ id, doc, assumes, answered, verdict });

/** Holds when the test passes, does not hold when it fails. */
export const verdictOf = (holds: boolean): Verdict => (holds ? 'holds' : 'does not hold');

/**
 * 3 when a change is left in the account for the maintainer to undo (the most urgent news);
 * 1 when any assumption does not hold, so a script or CI can stop a release; 2 when nothing
 * could be checked (Callbell did not answer).
 */
export function exitCodeOf(report: Report): number {
  if (leftOver(report).length) return 3;
  if (report.rows.some((entry) => entry.verdict === 'does not hold')) return 1;
  return report.rows.some((entry) => entry.verdict === 'holds') ? 0 : 2;
}

const escapeCell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The rows as a Markdown table: readable on screen and pasteable into an issue. */
export function renderTable(report: Report): string {
  const header = ['verdict', 'check', 'the app assumes', 'Callbell answered'];
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...report.rows.map(
      (entry) =>
        `| ${[entry.verdict, entry.id, entry.assumes, entry.answered].map(escapeCell).join(' | ')} |`,
    ),
  ];
  const counts = VERDICTS.map(
    (verdict) => `${report.rows.filter((entry) => entry.verdict === verdict).length} ${verdict}`,
  );
  const changes = report.changes.map(
    (change) =>
      `- ${change.what}: ${change.restored ? 'restored' : 'NOT restored'}. ${change.note}` +
      (!change.restored && change.undo ? ` UNDO BY HAND: ${change.undo}` : ''),
  );
  const left = leftOver(report).length;
  return [
    lines.join('\n'),
    '',
    counts.join(', '),
    ...(report.writesStopped ? ['', `Writes: ${report.writesStopped}`] : []),
    ...(changes.length ? ['', 'Changes made in the account:', ...changes] : []),
    ...(left
      ? ['', `${left} change(s) are left in the account: undo them by hand as said above.`]
      : []),
  ].join('\n');
}
