/** The messages sent to the test contact (which cannot be unsent): text or template, audio, video, media template. */
import { isObject, type JsonObject } from '../../../../src/values';
import {
  isSuccess,
  keysOf,
  listIn,
  maskPhone,
  recordIn,
  statusText,
  verdictFrom,
  wrapping,
} from '../answers';
import type { AccountFacts } from '../read-checks';
import { row, verdictOf, type Change, type Row } from '../report';
import { exchangeOf, NO_ANSWER, type Session } from '../session';
import type { WriteOptions, Findings, TestContact } from './context';

const TEST_TEXT = 'Callbell for Zapier: a test message from npm run check-live. Please ignore it.';

const TEMPLATE_VALUE = 'check-live';

const DAY_MS = 24 * 3_600_000;

/** The approved text template with the fewest placeholders (each filled with "check-live"). */
export function templateToSend(facts: AccountFacts): JsonObject | undefined {
  const placeholders = (template: JsonObject) =>
    new Set(String(template.text ?? '').match(/\{\{\d+\}\}/g) ?? []).size;
  return facts.templates
    .filter(
      (template) =>
        template.status === 'approved' &&
        (template.templateType ?? 'text') === 'text' &&
        typeof template.uuid === 'string',
    )
    .sort((a, b) => placeholders(a) - placeholders(b))[0];
}

/** Whether the contact wrote in the last 24 hours: then a text may be sent, else a template. */
async function windowOpen(session: Session, contact: TestContact): Promise<boolean> {
  const answer = await session.raw({
    method: 'GET',
    path: `/contacts/${encodeURIComponent(contact.uuid)}/messages`,
    params: { page: '1' },
  });
  const messages =
    isObject(answer.body) && Array.isArray(answer.body.messages)
      ? answer.body.messages.filter(isObject)
      : [];
  return messages.some(
    (message) =>
      message.status === 'received' && Date.now() - Date.parse(String(message.createdAt)) < DAY_MS,
  );
}

const SEND_DOC = 'messages_api/post_send_messages.md';
const WITH_CHANNEL = 'a send naming channel_uuid (a 32-hex uuid from GET /channels) is accepted';
const WITHOUT_CHANNEL =
  'a send without channel_uuid is refused: the Required table says so since 2024-10-15 (the release note of 2024-02-09 and every other snippet leave it out)';
const ANSWER_CONTACT =
  "with fields=contact,conversation, the answer's message carries the contact as the Contact object (phoneNumber) and the conversation";

/** One send through the app naming the channel, then one without channel_uuid. */
export async function send(
  session: Session,
  contact: TestContact,
  facts: AccountFacts,
  findings: Findings,
) {
  const channel = facts.mainChannelUuid;
  const open = await windowOpen(session, contact);
  const template = open ? undefined : templateToSend(facts);
  if (!channel || (!open && !template)) {
    const why = channel ? 'outside the 24-hour window and no approved text template' : 'no channel';
    findings.rows.push(
      row(
        'send.with-channel_uuid',
        SEND_DOC,
        WITH_CHANNEL,
        `nothing sent: ${why}`,
        'could not tell',
      ),
      answerContactRow(undefined, false),
      row(
        'send.channel_uuid-required',
        SEND_DOC,
        WITHOUT_CHANNEL,
        `nothing sent: ${why}`,
        'could not tell',
      ),
    );
    return;
  }
  const values = template
    ? [...new Set(String(template.text ?? '').match(/\{\{\d+\}\}/g) ?? [])].map(
        () => TEMPLATE_VALUE,
      )
    : [];
  const sent = template
    ? await session.run<JsonObject>(session.step('creates', 'send_template_message'), {
        to: contact.e164,
        channel_uuid: channel,
        template_uuid: template.uuid,
        optin_contact: true,
        ...Object.fromEntries(values.map((value, index) => [`template_value_${index + 1}`, value])),
      })
    : await session.run<JsonObject>(session.step('creates', 'send_message'), {
        to: contact.e164,
        channel_uuid: channel,
        text: TEST_TEXT,
      });
  const answer = exchangeOf(sent, 'POST', /^\/messages\/send$/);
  const kind = template ? 'template' : 'text';
  // Templates without placeholders: what `content` should hold is undocumented.
  const what = template ? `template with ${values.length} placeholder(s)` : 'text';
  findings.rows.push(
    row(
      'send.with-channel_uuid',
      SEND_DOC,
      WITH_CHANNEL,
      `${what}: ${statusText(answer)}${sent.error ? `; ${sent.error}` : ''}`,
      verdictFrom(answer, typeof sent.value?.uuid === 'string'),
    ),
  );
  let count = isSuccess(answer) ? 1 : 0;
  findings.rows.push(answerContactRow(answer?.body, isSuccess(answer)));
  const requiredId = 'send.channel_uuid-required';
  if (!isSuccess(answer)) {
    findings.rows.push(
      row(
        requiredId,
        SEND_DOC,
        WITHOUT_CHANNEL,
        'not tried: the send naming the channel failed',
        'could not tell',
      ),
    );
  } else {
    const without = await session.raw({
      method: 'POST',
      path: '/messages/send',
      body: {
        to: contact.e164,
        from: 'whatsapp',
        type: 'text',
        ...(template
          ? {
              template_uuid: template.uuid,
              optin_contact: true,
              ...(values.length > 1
                ? { template_values: values, content: {} }
                : { content: { text: values[0] } }),
            }
          : { content: { text: TEST_TEXT } }),
      },
    });
    if (isSuccess(without)) count += 1;
    if (without.status === NO_ANSWER)
      findings.changes.push({
        what: `a ${kind} message without channel_uuid to ${maskPhone(contact.e164)} got no answer`,
        restored: false,
        note: 'it may have been sent; a sent message cannot be unsent',
      });
    findings.rows.push(
      row(
        requiredId,
        SEND_DOC,
        WITHOUT_CHANNEL,
        `${what} without channel_uuid: ${statusText(without)}${isSuccess(without) ? ' (sent from the main channel)' : ''}`,
        verdictFrom(without, without.status >= 400 && without.status < 500),
      ),
    );
  }
  if (count) findings.changes.push(sentChange(count, kind, contact.e164));
}

/** One file sent to the contact through Send Message, from the main channel. */
async function sendFile(
  session: Session,
  contact: TestContact,
  facts: AccountFacts,
  type: 'audio' | 'video',
  url: string | undefined,
) {
  const sent = await session.run<JsonObject>(session.step('creates', 'send_message'), {
    to: contact.e164,
    channel_uuid: facts.mainChannelUuid,
    type,
    media_url: url,
  });
  return { sent, answer: exchangeOf(sent, 'POST', /^\/messages\/send$/) };
}

const AUDIO =
  'Send Message\'s Audio choice goes out as `type: document` with content.url, as the snippet under the page\'s heading "Send Audio Attachment" sends it, and Callbell accepts it';

/** With --audio-url and in the 24-hour window: one audio message through Send Message. */
export async function audio(
  session: Session,
  contact: TestContact,
  facts: AccountFacts,
  options: WriteOptions,
  findings: Findings,
) {
  const id = 'send.audio-type';
  if (!options.audioUrl || !facts.mainChannelUuid) {
    findings.rows.push(
      row(
        id,
        SEND_DOC,
        AUDIO,
        'not tried: pass --audio-url with a public link to an audio file',
        'could not tell',
      ),
    );
    return;
  }
  if (!(await windowOpen(session, contact))) {
    findings.rows.push(
      row(
        id,
        SEND_DOC,
        AUDIO,
        'not tried: the contact has not written in the last 24 hours',
        'could not tell',
      ),
    );
    return;
  }
  const { sent, answer } = await sendFile(session, contact, facts, 'audio', options.audioUrl);
  findings.rows.push(
    row(
      id,
      SEND_DOC,
      AUDIO,
      `${statusText(answer)}${sent.error ? `; ${sent.error}` : ''}`,
      verdictFrom(answer, typeof sent.value?.uuid === 'string'),
    ),
  );
  if (isSuccess(answer)) findings.changes.push(sentChange(1, 'audio', contact.e164));
}

const MEDIA_TEMPLATE =
  'a media template of two or more placeholders, sent with template_values, keeps its file: "the values inside `content` will be ignored" is read as its text only';

/** The approved media template with the most placeholders, if one has two or more. */
function mediaTemplateToSend(facts: AccountFacts): JsonObject | undefined {
  return facts.templates
    .filter(
      (template) =>
        template.status === 'approved' &&
        ['image', 'document', 'video'].includes(String(template.templateType)) &&
        placeholdersOf(template).length > 1,
    )
    .sort((a, b) => placeholdersOf(b).length - placeholdersOf(a).length)[0];
}

function placeholdersOf(template: JsonObject): string[] {
  return [...new Set(String(template.text ?? '').match(/\{\{\d+\}\}/g) ?? [])];
}

/** With --media-url: Send Template Message with a media template of several placeholders. */
export async function mediaTemplate(
  session: Session,
  contact: TestContact,
  facts: AccountFacts,
  options: WriteOptions,
  findings: Findings,
) {
  const id = 'send.media-template-values';
  const template = mediaTemplateToSend(facts);
  const skip = !options.mediaUrl
    ? "not tried: pass --media-url with a public link to the template's file"
    : !template || !facts.mainChannelUuid
      ? 'not tried: no approved media template of two or more placeholders, or no channel'
      : undefined;
  if (skip || !template) {
    findings.rows.push(row(id, SEND_DOC, MEDIA_TEMPLATE, skip ?? '', 'could not tell'));
    return;
  }
  const values = placeholdersOf(template).map((_, index) => [
    `template_value_${index + 1}`,
    TEMPLATE_VALUE,
  ]);
  const sent = await session.run<JsonObject>(session.step('creates', 'send_template_message'), {
    to: contact.e164,
    channel_uuid: facts.mainChannelUuid,
    template_uuid: template.uuid,
    optin_contact: true,
    media_url: options.mediaUrl,
    ...Object.fromEntries(values),
  });
  const answer = exchangeOf(sent, 'POST', /^\/messages\/send$/);
  if (isSuccess(answer)) findings.changes.push(sentChange(1, 'media template', contact.e164));
  // The message list documents no attachments (object_types/message.md): read them if shown.
  const listed = await session.raw({
    method: 'GET',
    path: `/contacts/${encodeURIComponent(contact.uuid)}/messages`,
    params: { page: '1' },
  });
  const message = (listIn(listed.body, 'messages') ?? []).find(
    (item) => item.uuid === sent.value?.uuid,
  );
  const files = Array.isArray(message?.attachments) ? message.attachments : undefined;
  findings.rows.push(
    row(
      id,
      SEND_DOC,
      MEDIA_TEMPLATE,
      `${statusText(answer)}${sent.error ? `; ${sent.error}` : ''}; ${files ? `${files.length} attachment(s) listed` : 'the message list shows no attachments: look on the phone whether the file arrived'}`,
      isSuccess(answer) && files ? verdictOf(files.length > 0) : 'could not tell',
    ),
  );
}

const VIDEO =
  'Send Message\'s Video choice goes out as `type: document` with content.url, as the snippet under the page\'s heading "Send Video Attachment" sends it, and Callbell accepts it; the answer also says whether it takes `type: video`';

/** With --video-url and in the 24-hour window: the app's video send, then `type: video` raw. */
export async function video(
  session: Session,
  contact: TestContact,
  facts: AccountFacts,
  options: WriteOptions,
  findings: Findings,
) {
  const id = 'send.video-type';
  const skip = !options.videoUrl
    ? 'not tried: pass --video-url with a public link to a video file'
    : !facts.mainChannelUuid
      ? 'not tried: no channel'
      : !(await windowOpen(session, contact))
        ? 'not tried: the contact has not written in the last 24 hours'
        : undefined;
  if (skip) {
    findings.rows.push(row(id, SEND_DOC, VIDEO, skip, 'could not tell'));
    return;
  }
  const { sent, answer } = await sendFile(session, contact, facts, 'video', options.videoUrl);
  const raw = await session.raw({
    method: 'POST',
    path: '/messages/send',
    body: {
      to: contact.e164,
      from: 'whatsapp',
      channel_uuid: facts.mainChannelUuid,
      type: 'video',
      content: { url: options.videoUrl },
    },
  });
  const count = [isSuccess(answer), isSuccess(raw)].filter(Boolean).length;
  findings.rows.push(
    row(
      id,
      SEND_DOC,
      VIDEO,
      `as a document: ${statusText(answer)}${sent.error ? `; ${sent.error}` : ''}; as type video: ${statusText(raw)}`,
      verdictFrom(answer, typeof sent.value?.uuid === 'string'),
    ),
  );
  if (count) findings.changes.push(sentChange(count, 'video', contact.e164));
}

/** What sends changed: a sent message cannot be unsent. */
function sentChange(count: number, kind: string, e164: string): Change {
  return {
    what: `sent ${count} ${kind} message(s) to ${maskPhone(e164)}`,
    restored: false,
    note: 'a sent message cannot be unsent',
  };
}

/** The contact and conversation in a send's answer, asked for with `fields`. */
function answerContactRow(body: unknown, sent: boolean): Row {
  const message = isObject(body) && isObject(body.message) ? body.message : {};
  const contact = recordIn(message, 'contact');
  const holds =
    typeof contact?.uuid === 'string' &&
    typeof contact.phoneNumber === 'string' &&
    isObject(message.conversation);
  return row(
    'send.answer-contact',
    'object_types/message_send_request.md → contact.md (phoneNumber) vs the example in messages_api/post_send_messages.md ({uuid, name, phone, email})',
    ANSWER_CONTACT,
    sent
      ? `message keys: ${keysOf(message)}; contact as ${wrapping(message.contact)} with keys: ${keysOf(contact)}`
      : 'nothing was sent',
    sent ? verdictOf(holds) : 'could not tell',
  );
}
