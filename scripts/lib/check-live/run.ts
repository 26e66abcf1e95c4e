import { apiBaseUrl } from '../../../src/client/config';
import type { JsonObject } from '../../../src/values';
import { isSuccess, listIn, maskPhone } from './answers';
import { readChecks } from './read-checks';
import type { Change, Report } from './report';
import { Session, type LiveApp } from './session';
import { afterWrites, subscribe, WEBHOOK_WARNING } from './webhook-checks';
import { planOf, writeChecks } from './write-checks';
import type { WriteOptions } from './writes/context';

export interface LiveOptions {
  /** The built app, dist/index.js. */
  app: LiveApp;
  apiKey: string;
  /** Writes happen only with this: the number whose contact the run may touch. */
  write?: WriteOptions;
  /** With --existing-contact: a number whose contact has a conversation may be written to. */
  existingContact?: boolean;
  /** With --webhook: where to point the account's webhook while the writes run. */
  webhookUrl?: string;
  /** Shown what will change; answers whether to go on. */
  confirm: (account: string, plan: string[]) => Promise<boolean>;
}

/** Whom the number reaches in Callbell: nobody yet, a contact, or a contact with a conversation. */
type Owner = 'none' | 'contact' | 'conversation';

/** Said in --help and first in every write plan. */
export const PHONE_WARNING =
  '--phone decides who gets the test messages and whose contact is changed: whoever has that number in Callbell, a real customer included. Use a phone you hold.';

const OWNER_PLAN: Record<Owner, (phone: string) => string> = {
  none: (phone) =>
    `The number ${phone} has no contact in Callbell: a test contact is created for it.`,
  contact: (phone) =>
    `The number ${phone} belongs to an existing contact without a conversation: it is changed and set back, and it gets the test messages.`,
  conversation: (phone) =>
    `WARNING: the number ${phone} belongs to a contact WITH a conversation (--existing-contact): if it is a customer's, they get the test messages, and their tags and funnel stage are changed and set back.`,
};

/**
 * `npm run check-live`: every assumption the app makes about Callbell's API, checked against the
 * account of the key, read-only unless writes are asked for and confirmed. Whatever fails, it
 * answers a report: every change made is in it, with whether it was put back.
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
  try {
    await runChecks(session, options, report);
  } catch (error) {
    report.writesStopped = `stopped by an error: ${session.redact(error instanceof Error ? error.message : String(error))}`;
  }
  return options.write ? withoutPhone(report, options.write.phone) : report;
}

async function runChecks(session: Session, options: LiveOptions, report: Report): Promise<void> {
  const { rows, facts } = await readChecks(session);
  report.rows.push(...rows);
  const write = options.write;
  if (!write) return;
  if (!facts.account) {
    report.writesStopped = 'the key was refused or Callbell did not answer, so nothing was changed';
    return;
  }
  const owner = await ownerOf(session, write.phone);
  if (!owner) {
    report.writesStopped =
      'Callbell did not say whether the number already has a conversation, so nothing was changed';
    return;
  }
  if (owner === 'conversation' && !options.existingContact) {
    report.writesStopped =
      "the number already has a conversation in Callbell (a customer's, perhaps), so nothing was changed: give a number you hold, or add --existing-contact if it is yours";
    return;
  }
  const plan = [
    ...(options.webhookUrl ? [WEBHOOK_WARNING] : []),
    PHONE_WARNING,
    OWNER_PLAN[owner](write.phone),
    ...planOf(write, facts),
  ];
  if (!(await options.confirm(facts.account, plan))) {
    report.writesStopped = 'the changes were not confirmed, so nothing was changed';
    return;
  }
  const webhookUrl = options.webhookUrl;
  if (!webhookUrl) return writeChecks(session, facts, write, report);
  // Recorded before the request: a lost answer may still have pointed the webhook.
  const webhook: Change = {
    what: "pointed the account's webhook at the URL given",
    restored: false,
    note: 'it was to be removed at the end',
    undo: WEBHOOK_UNDO,
  };
  report.changes.push(webhook);
  try {
    await session.judge(report.rows, async () =>
      report.rows.push(await subscribe(session, webhookUrl)),
    );
    await writeChecks(session, facts, write, report);
  } finally {
    const { change } = await session.judge(report.rows, async () => {
      const after = await afterWrites(session, webhookUrl);
      report.rows.push(...after.rows);
      return after;
    });
    Object.assign(webhook, change);
    // Removed: what the account had before is gone, as the plan said; nothing to undo here.
    if (!change.note.startsWith('removing it failed')) delete webhook.undo;
  }
}

const WEBHOOK_UNDO =
  "remove the webhook in Callbell's API settings, then turn each Callbell Zap off and on again so it points the webhook back at Zapier";

/** Whom the number reaches, or undefined when Callbell did not say. */
async function ownerOf(session: Session, phone: string): Promise<Owner | undefined> {
  const found = await session.run<JsonObject[]>(session.step('searches', 'find_contact'), {
    phone,
  });
  if (found.error) return undefined;
  const uuid = found.value?.[0]?.uuid;
  if (typeof uuid !== 'string') return 'none';
  const messages = await session.raw({
    method: 'GET',
    path: `/contacts/${encodeURIComponent(uuid)}/messages`,
    params: { page: '1' },
  });
  if (!isSuccess(messages)) return undefined;
  return listIn(messages.body, 'messages')?.length ? 'conversation' : 'contact';
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
    changes: report.changes.map((change) => ({
      ...change,
      note: hide(change.note),
      ...(change.undo ? { undo: hide(change.undo) } : {}),
    })),
    ...(report.writesStopped ? { writesStopped: hide(report.writesStopped) } : {}),
  };
}
