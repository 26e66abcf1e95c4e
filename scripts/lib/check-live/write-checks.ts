import type { AccountFacts } from './read-checks';
import type { Session } from './session';
import { type WriteOptions, type Findings, TEST_NAME } from './writes/context';
import { readContact, testContact, createdIsFound, cleanUp } from './writes/test-contact';
import { tags, customFields } from './writes/contact-fields';
import { funnel } from './writes/funnel';
import { templateToSend, send, audio, mediaTemplate, video } from './writes/messages';
// Docs named in rows are in callbellchat/callbell-public-docs, under docs/api/reference/.

/** What the writes will do, said before anything is changed. */
export function planOf(options: WriteOptions, facts: AccountFacts): string[] {
  const template = templateToSend(facts);
  return [
    `Find the contact with the number ${options.phone}; if there is none, create it ("${TEST_NAME}") and delete it at the end. No other contact is touched.`,
    options.tag
      ? `Put the tag "${options.tag}" on it, then set its tags back as they were.`
      : `Put one of the account's tags that it lacks on it (${facts.tags.length ? `seen: ${facts.tags.slice(0, 5).join(', ')}` : 'none seen: pass --tag'}), then set its tags back. If Callbell only adds tags, the tag stays on a contact that was yours, and the report says so.`,
    "Move its conversation between funnel stages three times (both documented routes, then the app's action), then back to its stage. Skipped for a contact of yours that is in no stage: Callbell documents no way to take it out of one.",
    `Send it up to two messages, one naming the main channel and one without channel_uuid: a text if the contact wrote in the last 24 hours, else the template "${String(template?.title ?? '(no approved text template)')}".${options.audioUrl ? ' With --audio-url, also one audio message (in the 24-hour window only).' : ''}${options.videoUrl ? ' With --video-url, also two video messages, one as Send Message sends it (a document) and one as `type: video` (in the 24-hour window only).' : ''}${options.mediaUrl ? ' With --media-url, also one media template of two or more placeholders.' : ''} Sent messages cannot be unsent.`,
    `Set two text custom fields on it one after the other${facts.textFields.length > 1 ? ` ("${facts.textFields[0]}", "${facts.textFields[1]}")` : ' (none seen: the row is skipped)'}, to see whether the second PATCH keeps the first; then set them back.`,
  ];
}

/**
 * The writes, on the one contact the maintainer named. Rows and changes go straight into
 * `findings`, so what was changed is reported even when a step fails.
 */
export async function writeChecks(
  session: Session,
  facts: AccountFacts,
  options: WriteOptions,
  findings: Findings,
): Promise<void> {
  const { rows } = findings;
  const found = await session.judge(rows, () => testContact(session, options, findings));
  if (!found) return;
  try {
    const before = await readContact(session, found.uuid);
    if (!before) throw new Error('Callbell did not show the test contact, so nothing was changed');
    Object.assign(found, before);
    await session.judge(rows, () => createdIsFound(session, found, options, findings));
    await session.judge(rows, () => tags(session, found, options, facts, findings));
    await session.judge(rows, () => customFields(session, found, facts, findings));
    await session.judge(rows, () => funnel(session, found, facts, findings));
    await session.judge(rows, () => send(session, found, facts, findings));
    await session.judge(rows, () => audio(session, found, facts, options, findings));
    await session.judge(rows, () => video(session, found, facts, options, findings));
    await session.judge(rows, () => mediaTemplate(session, found, facts, options, findings));
  } finally {
    await cleanUp(session, found, findings);
  }
}
