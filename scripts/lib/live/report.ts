/** What `npm run check-live` found: one row per assumption, and what it changed and put back. */

export type Verdict = 'holds' | 'does not hold' | 'could not tell';

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

/** Something the run changed in the account, and whether it was put back. */
export interface Change {
  what: string;
  restored: boolean;
  note: string;
}

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
 * 1 when any assumption does not hold, so a script or CI can stop a release; 2 when nothing
 * could be checked (Callbell did not answer).
 */
export function exitCodeOf(report: Report): number {
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
  const counts = (['holds', 'does not hold', 'could not tell'] as const).map(
    (verdict) => `${report.rows.filter((entry) => entry.verdict === verdict).length} ${verdict}`,
  );
  const changes = report.changes.map(
    (change) =>
      `- ${change.what}: ${change.restored ? 'restored' : 'NOT restored'}. ${change.note}`,
  );
  return [
    lines.join('\n'),
    '',
    counts.join(', '),
    ...(report.writesStopped ? ['', `Writes: ${report.writesStopped}`] : []),
    ...(changes.length ? ['', 'Changes made in the account:', ...changes] : []),
  ].join('\n');
}
