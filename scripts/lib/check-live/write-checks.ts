import { sendableCustomFields } from '../../../src/api/contact-changes';
import { typedCustomFields } from '../../../src/shapes/contact';
import { isObject, stringList, type JsonObject } from '../../../src/values';
import {
  isSuccess,
  keysOf,
  listIn,
  maskPhone,
  recordIn,
  statusText,
  verdictFrom,
  wrapping,
} from './answers';
import type { AccountFacts } from './read-checks';
import { row, verdictOf, type Change, type Row } from './report';
import { exchangeOf, NO_ANSWER, type Session } from './session';

// Docs named in rows are in callbellchat/callbell-public-docs, under docs/api/reference/.

export interface WriteOptions {
  /** A number the maintainer owns: its contact is the only one the run touches. */
  phone: string;
  /** The tag to put on and take off; else one seen on the account's contacts. */
  tag?: string;
  /** A public https link to an audio file: then one audio message is sent too. */
  audioUrl?: string;
  /** A public https link to a video file: then the video rows send one video each way. */
  videoUrl?: string;
  /** A public https link to the file of an approved media template of two or more placeholders. */
  mediaUrl?: string;
}

const TEST_NAME = 'Zapier check-live (test contact)';
const TEST_TEXT = 'Callbell for Zapier: a test message from npm run check-live. Please ignore it.';
const TEMPLATE_VALUE = 'check-live';
const DAY_MS = 24 * 3_600_000;

/** The contact the run works on, and what it was like before. */
interface TestContact {
  uuid: string;
  e164: string;
  created: boolean;
  tags: string[];
  funnelId: string | null;
}

export interface Findings {
  rows: Row[];
  changes: Change[];
}

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

/** One of the account's tags the contact does not have, as Callbell spells it. */
function tagFor(facts: AccountFacts, has: string[]): string | undefined {
  const own = new Set(has.map((tag) => tag.toLowerCase()));
  return facts.tags.find((tag) => !own.has(tag.toLowerCase()));
}

/** The approved text template with the fewest placeholders (each filled with "check-live"). */
function templateToSend(facts: AccountFacts): JsonObject | undefined {
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

/** The contact's tags and stage, or null when Callbell did not show them (no verdict). */
async function readContact(session: Session, uuid: string) {
  const answer = await session.raw({
    method: 'GET',
    path: `/contacts/${encodeURIComponent(uuid)}`,
  });
  const contact = recordIn(answer.body, 'contact');
  if (!isSuccess(answer) || !contact) return null;
  return {
    tags: stringList(contact.tags),
    funnelId: typeof contact.funnelId === 'string' ? contact.funnelId : null,
  };
}

/** What is left to undo by hand on the test contact, by whether the run created it. */
const byHand = (contact: { created: boolean; e164: string }, what: string) =>
  contact.created
    ? `delete the contact ${maskPhone(contact.e164)} in Callbell`
    : `in Callbell, on the contact ${maskPhone(contact.e164)}: ${what}`;

const CREATE_DOC = 'contacts_api/post_contacts.md';
const CREATE =
  'POST /contacts answers the new contact (an object or a one-element array): Create Contact outputs it';

/** The contact with the given number, created when Callbell has none. */
async function testContact(
  session: Session,
  options: WriteOptions,
  findings: Findings,
): Promise<TestContact | null> {
  const found = await session.run<JsonObject[]>(session.step('searches', 'find_contact'), {
    phone: options.phone,
  });
  if (found.error) {
    findings.rows.push(
      row(
        'contacts.create',
        CREATE_DOC,
        CREATE,
        `the look-up failed: ${found.error}`,
        'could not tell',
      ),
    );
    return null;
  }
  let contact = found.value?.[0];
  if (contact) {
    findings.rows.push(
      row(
        'contacts.create',
        CREATE_DOC,
        CREATE,
        'the number already has a contact: nothing was created',
        'could not tell',
      ),
    );
  } else {
    // Recorded before the request: an answer lost on the way may hide a contact it created.
    const creating: Change = {
      what: `created the test contact ${maskPhone(options.phone)}`,
      restored: false,
      note: 'the run deletes it when it ends',
      undo: `delete the contact ${maskPhone(options.phone)} in Callbell, if it is there`,
    };
    findings.changes.push(creating);
    const created = await session.run<JsonObject>(session.step('creates', 'create_contact'), {
      phone: options.phone,
      name: TEST_NAME,
      source: 'whatsapp',
    });
    const answer = exchangeOf(created, 'POST', /^\/contacts$/);
    findings.rows.push(
      row(
        'contacts.create',
        CREATE_DOC,
        CREATE,
        `${statusText(answer)}; contact as ${wrapping(isObject(answer?.body) ? answer.body.contact : undefined)}${created.error ? `; ${created.error}` : ''}`,
        verdictFrom(answer, typeof created.value?.uuid === 'string'),
      ),
    );
    contact = created.value;
    if (typeof contact?.uuid !== 'string') {
      const again = await session.run<JsonObject[]>(session.step('searches', 'find_contact'), {
        phone: options.phone,
      });
      contact = again.value?.[0];
      if (!contact && !again.error) findings.changes.splice(findings.changes.indexOf(creating), 1);
      else if (!contact)
        creating.note = 'the answer did not show it and looking it up again failed: it may exist';
    }
  }
  if (typeof contact?.uuid !== 'string') return null;
  return {
    uuid: contact.uuid,
    e164: typeof contact.phoneNumberE164 === 'string' ? contact.phoneNumberE164 : options.phone,
    created: !found.value?.length,
    tags: [],
    funnelId: null,
  };
}

/** PATCH tags: a tag put on, then the old list sent back; replace takes it off, add does not. */
async function tags(
  session: Session,
  contact: TestContact,
  options: WriteOptions,
  facts: AccountFacts,
  findings: Findings,
) {
  const id = 'contacts.tags-replace';
  const doc = 'contacts_api/patch_contacts.md (does not say)';
  const assumes =
    "PATCH /contacts/:uuid with `tags` replaces the contact's tags with the list sent (so the app sends the whole list)";
  const tag = options.tag ?? tagFor(facts, contact.tags);
  if (!tag) {
    findings.rows.push(
      row(
        id,
        doc,
        assumes,
        'no tag to try: none seen on the first page of contacts; pass --tag',
        'could not tell',
      ),
    );
    return;
  }
  const change: Change = {
    what: `tag "${tag}" put on the test contact`,
    restored: false,
    note: 'it was to be set back at once',
    undo: byHand(contact, `remove the tag "${tag}"`),
  };
  findings.changes.push(change);
  const put = await session.run<JsonObject>(session.step('creates', 'update_contact'), {
    contact_uuid: contact.uuid,
    tags: [...contact.tags, tag],
    tags_mode: 'replace',
  });
  const afterPut = await readContact(session, contact.uuid);
  const has = (list: string[]) => list.some((own) => own.toLowerCase() === tag.toLowerCase());
  if (!afterPut) {
    change.note =
      'Callbell did not show the contact after the PATCH, so it is unknown whether the tag is on';
    throw new Error('Callbell did not show the test contact after putting a tag on it');
  }
  if (!has(afterPut.tags)) {
    findings.changes.splice(findings.changes.indexOf(change), 1);
    findings.rows.push(
      row(
        id,
        doc,
        assumes,
        `the tag was not put on: ${put.error ?? statusText(exchangeOf(put, 'PATCH', /^\/contacts\//))}`,
        'could not tell',
      ),
    );
    return;
  }
  const back = await session.raw({
    method: 'PATCH',
    path: `/contacts/${encodeURIComponent(contact.uuid)}`,
    body: { tags: contact.tags },
  });
  const after = await readContact(session, contact.uuid);
  if (!after) {
    change.note = `setting the tags back answered ${statusText(back)}, then Callbell did not show the contact`;
    throw new Error('Callbell did not show the test contact after setting its tags back');
  }
  const stays = has(after.tags);
  findings.rows.push(
    row(
      id,
      doc,
      assumes,
      `PATCH tags: ${contact.tags.length + 1}, then the ${contact.tags.length} it had: ${statusText(back)}; the tag ${stays ? 'stayed (tags are added)' : 'was removed (tags are replaced)'}`,
      verdictOf(!stays),
    ),
  );
  change.restored = !stays;
  change.note = stays
    ? contact.created
      ? 'the contact is deleted at the end'
      : `the tag stayed after setting the tags back (${statusText(back)})`
    : 'tags set back as they were';
}

/** Both documented update_funnel routes, then the app's action; then back where it was. */
async function funnel(
  session: Session,
  contact: TestContact,
  facts: AccountFacts,
  findings: Findings,
) {
  const doc = 'contacts_api/put_contacts_conversation_update_funnel.md (page: PUT, snippets: POST)';
  const path = (tail: string) => `/contacts/${encodeURIComponent(contact.uuid)}/${tail}`;
  // undefined: Callbell did not show the contact, so its stage is unknown.
  let current: string | null | undefined = contact.funnelId;
  let moved = false;
  const unmovable = !contact.created && current === null;
  const back = contact.funnelId;
  let change: Change | undefined;
  const stageOf = async () => (await readContact(session, contact.uuid))?.funnelId;
  const move = async (id: string, assumes: string, send: (target: string) => Promise<string>) => {
    if (unmovable) {
      findings.rows.push(
        row(
          id,
          doc,
          assumes,
          'not tried: the contact is in no stage, and could not be taken out of one again',
          'could not tell',
        ),
      );
      return;
    }
    const target = facts.funnelUuids.find((uuid) => uuid !== current);
    if (!target) {
      findings.rows.push(
        row(id, doc, assumes, 'no other funnel stage to move to', 'could not tell'),
      );
      return;
    }
    if (!change) {
      change = {
        what: 'moved the test contact between funnel stages',
        restored: false,
        note: 'it was to be moved back at the end',
        undo: byHand(contact, `move the conversation back to the funnel stage ${back ?? '(none)'}`),
      };
      findings.changes.push(change);
    }
    const answered = await send(target);
    current = await stageOf();
    moved ||= current !== contact.funnelId;
    findings.rows.push(
      row(
        id,
        doc,
        assumes,
        `${answered}; the contact is ${current === target ? 'in' : 'not in'} the stage`,
        verdictOf(current === target),
      ),
    );
  };
  const raw = (method: 'PUT' | 'POST', tail: string) => async (target: string) =>
    statusText(await session.raw({ method, path: path(tail), body: { funnel_id: target } }));
  const action = session.step('creates', 'update_conversation_funnel');
  await move(
    'funnels.put-route',
    'PUT /contacts/:uuid/conversation/update_funnel {funnel_id} moves the conversation (the ref page, release note 2025-12-22)',
    raw('PUT', 'conversation/update_funnel'),
  );
  await move(
    'funnels.post-route',
    'POST /contacts/:uuid/messages/update_funnel {funnel_id} moves it too (every snippet)',
    raw('POST', 'messages/update_funnel'),
  );
  await move(
    'funnels.action',
    'Move Conversation to Funnel Stage (update_conversation_funnel) moves it',
    async (target) => {
      const outcome = await session.run(action, { contact_uuid: contact.uuid, funnel_id: target });
      return (
        outcome.error ??
        outcome.exchanges
          .map(
            (exchange) =>
              `${exchange.method} ${exchange.path.replace(contact.uuid, ':uuid')} ${exchange.status}`,
          )
          .join(', ')
      );
    },
  );
  if (!change) return;
  if (!moved) {
    findings.changes.splice(findings.changes.indexOf(change), 1);
    return;
  }
  // Back by the app's action, else by whichever route moves it.
  const ways = [
    () => session.run(action, { contact_uuid: contact.uuid, funnel_id: back }),
    raw('POST', 'messages/update_funnel'),
    raw('PUT', 'conversation/update_funnel'),
  ];
  for (const way of ways) {
    if (!back || current === back) break;
    await way(back);
    current = await stageOf();
  }
  const restored = current === back;
  change.restored = restored;
  change.note = restored
    ? 'back in the stage it was in'
    : contact.created
      ? 'the contact is deleted at the end'
      : current === undefined
        ? 'Callbell did not show the contact, so it is unknown whether it is back'
        : 'no route moved it back';
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
async function send(
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
async function audio(
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

const CREATE_FIND_DOC =
  'contacts_api/post_contacts.md (every snippet sends digits), get_contact_by_phone.md';
const CREATE_FIND =
  'a contact Create Contact made (identifier as digits) is found by Find Contact with the same number: Find or Create Contact makes no duplicate';

/** Find Contact right after Create Contact made the test contact. */
async function createdIsFound(
  session: Session,
  contact: TestContact,
  options: WriteOptions,
  findings: Findings,
) {
  const id = 'contacts.create-then-find';
  if (!contact.created) {
    findings.rows.push(
      row(
        id,
        CREATE_FIND_DOC,
        CREATE_FIND,
        'the number already had a contact: nothing was created',
        'could not tell',
      ),
    );
    return;
  }
  const found = await session.run<JsonObject[]>(session.step('searches', 'find_contact'), {
    phone: options.phone,
  });
  const answer = exchangeOf(found, 'GET', /^\/contacts\/phone\//);
  findings.rows.push(
    row(
      id,
      CREATE_FIND_DOC,
      CREATE_FIND,
      `${statusText(answer)}; ${found.value?.length ? 'found' : 'not found'}${found.error ? `; ${found.error}` : ''}`,
      verdictFrom(answer, found.value?.[0]?.uuid === contact.uuid),
    ),
  );
}

const FIELDS_DOC = 'contacts_api/patch_contacts.md (does not say)';
const FIELDS =
  'PATCH /contacts/:uuid with `custom_fields` merges them: a field the body does not name keeps its value (else Update Contact sends the lost ones again)';

/** Two text custom fields set by two PATCHes: the second keeps the first if PATCH merges. */
async function customFields(
  session: Session,
  contact: TestContact,
  facts: AccountFacts,
  findings: Findings,
) {
  const id = 'contacts.custom-fields-merge';
  const [first, second] = facts.textFields;
  if (!first || !second) {
    findings.rows.push(
      row(
        id,
        FIELDS_DOC,
        FIELDS,
        'not tried: fewer than two text custom fields seen on the first page of contacts',
        'could not tell',
      ),
    );
    return;
  }
  const path = `/contacts/${encodeURIComponent(contact.uuid)}`;
  const patch = (fields: JsonObject) =>
    session.raw({ method: 'PATCH', path, body: { custom_fields: fields } });
  const before = await typedFields(session, contact.uuid);
  // Recorded before the first PATCH: whatever fails next, the report says what to undo.
  const change: Change = {
    what: 'two custom fields set on the test contact',
    restored: false,
    note: 'they were to be set back at once',
    undo: byHand(
      contact,
      `set the custom fields back: ${[first, second].map((name) => `"${name}" to "${String(before[name] ?? '')}"`).join(', ')}; check the others`,
    ),
  };
  findings.changes.push(change);
  await patch({ [first]: 'check-live 1' });
  const secondAnswer = await patch({ [second]: 'check-live 2' });
  const after = await typedFields(session, contact.uuid);
  const kept = after[first] === 'check-live 1';
  const set = after[second] === 'check-live 2';
  findings.rows.push(
    row(
      id,
      FIELDS_DOC,
      FIELDS,
      set
        ? `PATCH "${second}" after "${first}": ${statusText(secondAnswer)}; "${first}" ${kept ? 'kept (merged)' : 'lost (replaced)'}`
        : `the second field was not set: ${statusText(secondAnswer)}`,
      set ? verdictOf(kept) : 'could not tell',
    ),
  );
  if (contact.created) {
    change.note = 'the contact is deleted at the end';
    return;
  }
  // Back as they were: every field the contact had (a replacing PATCH lost them), and the two
  // set to what they held. Whether an empty value clears a field is not documented.
  const back = await patch({
    ...sendableCustomFields(before),
    [first]: String(before[first] ?? ''),
    [second]: String(before[second] ?? ''),
  });
  const now = await typedFields(session, contact.uuid);
  change.restored = JSON.stringify(now) === JSON.stringify(before);
  change.note = change.restored
    ? 'set back as they were'
    : `not as before after setting them back (${statusText(back)})`;
}

/** The contact's custom fields, typed as the app outputs them. */
async function typedFields(session: Session, uuid: string): Promise<JsonObject> {
  const answer = await session.raw({
    method: 'GET',
    path: `/contacts/${encodeURIComponent(uuid)}`,
    params: { include_field_types: 'true' },
  });
  const contact = recordIn(answer.body, 'contact') ?? {};
  const fields = typedCustomFields(contact.customFields, contact.customFieldsMetadata);
  // An empty value is no value: a field cleared by '' reads like one never set.
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== ''));
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
async function mediaTemplate(
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
async function video(
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

/** Deletes the contact if, and only if, this run created it. */
async function cleanUp(session: Session, contact: TestContact, findings: Findings) {
  if (!contact.created) return;
  const deleted = await session.raw({
    method: 'DELETE',
    path: `/contacts/${encodeURIComponent(contact.uuid)}`,
  });
  const created = findings.changes.find((change) =>
    change.what.startsWith('created the test contact'),
  );
  const restored = isSuccess(deleted);
  // Whatever was done to the contact goes with it: deleted, or left with it to delete by hand.
  for (const change of findings.changes) {
    if (change === created || change.restored || !change.undo?.startsWith('delete the contact'))
      continue;
    change.restored = restored;
    change.note = restored
      ? 'the contact it was on is deleted'
      : 'it is on the test contact, which was not deleted';
    if (!restored) delete change.undo;
  }
  if (created) {
    created.restored = restored;
    created.note = restored
      ? 'deleted (contacts_api/delete_contact.md)'
      : `not deleted: ${statusText(deleted)}`;
  }
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
