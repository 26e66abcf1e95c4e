/** Tags and custom fields on the test contact, each set back as it was. */
import { sendableCustomFields } from '../../../../src/api/contact-changes';
import { typedCustomFields } from '../../../../src/shapes/contact';
import type { JsonObject } from '../../../../src/values';
import { recordIn, statusText } from '../answers';
import type { AccountFacts } from '../read-checks';
import { row, verdictOf, type Change } from '../report';
import { exchangeOf, type Session } from '../session';
import { type WriteOptions, type Findings, type TestContact, byHand } from './context';
import { readContact } from './test-contact';

/** One of the account's tags the contact does not have, as Callbell spells it. */
function tagFor(facts: AccountFacts, has: string[]): string | undefined {
  const own = new Set(has.map((tag) => tag.toLowerCase()));
  return facts.tags.find((tag) => !own.has(tag.toLowerCase()));
}

/** PATCH tags: a tag put on, then the old list sent back; replace takes it off, add does not. */
export async function tags(
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

const FIELDS_DOC = 'contacts_api/patch_contacts.md (does not say)';
const FIELDS =
  'PATCH /contacts/:uuid with `custom_fields` merges them: a field the body does not name keeps its value (else Update Contact sends the lost ones again)';

/** Two text custom fields set by two PATCHes: the second keeps the first if PATCH merges. */
export async function customFields(
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
