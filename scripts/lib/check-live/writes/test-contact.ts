/** The one contact the writes work on: found or created, checked, and deleted if created. */
import { isObject, stringList, type JsonObject } from '../../../../src/values';
import { isSuccess, maskPhone, recordIn, statusText, verdictFrom, wrapping } from '../answers';
import { row, type Change } from '../report';
import { exchangeOf, type Session } from '../session';
import { type WriteOptions, type Findings, type TestContact, TEST_NAME } from './context';

/** The contact's tags and stage, or null when Callbell did not show them (no verdict). */
export async function readContact(session: Session, uuid: string) {
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

const CREATE_DOC = 'contacts_api/post_contacts.md';
const CREATE =
  'POST /contacts answers the new contact (an object or a one-element array): Create Contact outputs it';

/** The contact with the given number, created when Callbell has none. */
export async function testContact(
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

const CREATE_FIND_DOC =
  'contacts_api/post_contacts.md (every snippet sends digits), get_contact_by_phone.md';
const CREATE_FIND =
  'a contact Create Contact made (identifier as digits) is found by Find Contact with the same number: Find or Create Contact makes no duplicate';

/** Find Contact right after Create Contact made the test contact. */
export async function createdIsFound(
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

/** Deletes the contact if, and only if, this run created it. */
export async function cleanUp(session: Session, contact: TestContact, findings: Findings) {
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
