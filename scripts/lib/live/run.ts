import { apiBaseUrl } from '../../../src/client/config';
import { maskPhone } from './answers';
import { readChecks } from './read-checks';
import type { Report } from './report';
import { Session, type LiveApp } from './session';
import { afterWrites, subscribe, WEBHOOK_WARNING } from './webhook-checks';
import { planOf, writeChecks, type WriteOptions } from './write-checks';

export interface LiveOptions {
  /** The built app, dist/index.js. */
  app: LiveApp;
  apiKey: string;
  /** Writes happen only with this: the number whose contact the run may touch. */
  write?: WriteOptions;
  /** With --webhook: where to point the account's webhook while the writes run. */
  webhookUrl?: string;
  /** Shown what will change; answers whether to go on. */
  confirm: (account: string, plan: string[]) => Promise<boolean>;
}

/**
 * `npm run check-live`: every assumption the app makes about Callbell's API, checked against the
 * account of the key, read-only unless writes are asked for and confirmed.
 */
export async function checkLive(options: LiveOptions): Promise<Report> {
  const session = new Session(options.app, options.apiKey);
  const report: Report = {
    checkedAt: new Date().toISOString(),
    apiUrl: apiBaseUrl(),
    appVersion: options.app.version,
    mode: options.write ? 'write' : 'read-only',
    webhook: Boolean(options.webhookUrl),
    rows: [],
    changes: [],
  };
  const { rows, facts } = await readChecks(session);
  report.rows.push(...rows);
  const write = options.write;
  if (!write) return report;
  if (!facts.account) {
    report.writesStopped = 'the key was refused or Callbell did not answer, so nothing was changed';
    return report;
  }
  const plan = [...(options.webhookUrl ? [WEBHOOK_WARNING] : []), ...planOf(write, facts)];
  if (!(await options.confirm(facts.account, plan))) {
    report.writesStopped = 'the changes were not confirmed, so nothing was changed';
    return report;
  }
  if (options.webhookUrl) report.rows.push(await subscribe(session, options.webhookUrl));
  try {
    await writeChecks(session, facts, write, report);
  } catch (error) {
    // Callbell stopped answering or answered what nobody expected: say so, keep what was found.
    report.writesStopped = `stopped by an error: ${session.redact(error instanceof Error ? error.message : String(error))}`;
  } finally {
    if (options.webhookUrl) {
      const { rows: hookRows, change } = await afterWrites(session, options.webhookUrl);
      report.rows.push(...hookRows);
      report.changes.push(change);
    }
  }
  return withoutPhone(report, write.phone);
}

/**
 * The report without the test number, which Callbell's error bodies may echo: the report is
 * meant to be committed.
 */
function withoutPhone(report: Report, phone: string): Report {
  const digits = phone.replace(/\D/g, '');
  const hide = (text: string) => (digits ? text.split(digits).join(maskPhone(digits)) : text);
  return {
    ...report,
    rows: report.rows.map((entry) => ({ ...entry, answered: hide(entry.answered) })),
    changes: report.changes.map((change) => ({ ...change, note: hide(change.note) })),
    ...(report.writesStopped ? { writesStopped: hide(report.writesStopped) } : {}),
  };
}
