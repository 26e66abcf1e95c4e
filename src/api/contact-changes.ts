import type { ZObject } from 'zapier-platform-core';
import type { ContactResult } from '../shapes/contact';
import { findContactByUuid, updateContact } from './contacts';
import { fitMessage } from '../user-message';
import type { JsonObject } from '../values';

/** A custom field value as the app sends it: text, or a checkbox's ticked options. */
export type CustomFieldValue = string | string[];

/** What a write asked Callbell to leave on the contact. */
export interface MeantContact {
  /** The contact's whole tag list after the write. */
  tags?: string[];
  /** Custom fields that must hold these values after the write. */
  customFields?: Record<string, CustomFieldValue>;
}

/** A PATCH /contacts/:uuid body, with the parts checked in the answer. */
export interface ContactPatch extends JsonObject {
  tags?: string[];
  custom_fields?: Record<string, CustomFieldValue>;
}

/**
 * PATCH /contacts/:uuid, then the contact checked against what was meant (checkContactAnswer).
 * `before` is the contact as read just before, needed when custom fields are sent: if the
 * contact lost fields the body did not name (PATCH replaced `custom_fields` rather than merging
 * them: patch_contacts.md does not say), they are sent again with the new ones, once, so no
 * value is lost under either reading. Under the merge reading that second PATCH never happens,
 * so a field another Zap changes meanwhile is not overwritten with its old value.
 */
export async function patchContactChecked(
  z: ZObject,
  uuid: string,
  body: ContactPatch,
  before: ContactResult | null,
): Promise<ContactResult> {
  const sent = body.custom_fields;
  const meant: MeantContact = { tags: body.tags, customFields: sent };
  const kept = sent && before ? sendableCustomFields(before.customFields) : {};
  let after = await settled(z, uuid, await updateContact(z, uuid, body), meant, kept);
  const lost = lostFields(kept, after, sent ?? {});
  if (Object.keys(lost).length) {
    z.console.log(
      `Callbell's PATCH lost custom fields the step did not name (${Object.keys(lost).join(', ')}): sending them again.`,
    );
    meant.customFields = { ...lost, ...sent };
    const body2 = { custom_fields: meant.customFields };
    after = await settled(z, uuid, await updateContact(z, uuid, body2), meant, {});
  }
  checkContactAnswer(z, after, meant);
  return after;
}

/**
 * The contact after a write: the PATCH answer when it shows what was meant, else the contact
 * read again (GET, one request). patch_contacts.md's example answer does not show its own
 * snippet's changes (`customFields: {}` after custom fields were sent), so an answer that
 * differs is no proof yet that the write did not take.
 */
async function settled(
  z: ZObject,
  uuid: string,
  answer: ContactResult,
  meant: MeantContact,
  kept: Record<string, CustomFieldValue>,
): Promise<ContactResult> {
  const differs =
    contactProblem(answer, meant) !== undefined ||
    Object.keys(lostFields(kept, answer, meant.customFields ?? {})).length > 0;
  return differs ? ((await findContactByUuid(z, uuid)) ?? answer) : answer;
}

/** Fields the contact had, the body did not name, and the contact no longer holds. */
function lostFields(
  kept: Record<string, CustomFieldValue>,
  after: ContactResult,
  sent: Record<string, CustomFieldValue>,
): Record<string, CustomFieldValue> {
  return Object.fromEntries(
    Object.entries(kept).filter(
      ([name, value]) =>
        !Object.hasOwn(sent, name) && comparable(value) !== comparable(after.customFields[name]),
    ),
  );
}

/**
 * Whether PATCH /contacts/:uuid replaces or adds `tags`, and merges or replaces
 * `custom_fields`, is not documented (contacts_api/patch_contacts.md): the app sends the whole
 * result it means under either reading, and the contact must show it. Where it does not
 * (Callbell only adds tags, or another Zap changed the contact at the same moment), the step
 * fails and says so: a green step means the contact is as the Zap meant.
 */
export function checkContactAnswer(z: ZObject, contact: ContactResult, meant: MeantContact) {
  const problem = contactProblem(contact, meant);
  if (problem) throw new z.errors.Error(problem.message, problem.code, 409);
}

function contactProblem(
  contact: ContactResult,
  meant: MeantContact,
): { message: string; code: string } | undefined {
  const tagProblem = meant.tags && tagDifference(meant.tags, contact.tags);
  if (tagProblem) {
    return {
      message: fitMessage(
        "Check the contact's tags in Callbell: ",
        tagProblem,
        '. Callbell may only add tags by API, or another step changed them at once: fix them by hand.',
      ),
      code: 'TagsNotApplied',
    };
  }
  const fieldProblem =
    meant.customFields && customFieldDifference(meant.customFields, contact.customFields);
  if (fieldProblem) {
    return {
      message: fitMessage(
        "Check the contact's custom fields in Callbell: ",
        fieldProblem,
        '. Callbell did not keep what was sent: set them by hand, then tell Callbell support.',
      ),
      code: 'CustomFieldsNotApplied',
    };
  }
  return undefined;
}

/** Tags ignore case ("Tags are case-insentive", contacts_api/get_contacts.md). */
function tagDifference(meant: string[], answered: string[]): string | undefined {
  const key = (tag: string) => tag.toLowerCase();
  const have = new Set(answered.map(key));
  const want = new Set(meant.map(key));
  const missing = meant.filter((tag) => !have.has(key(tag)));
  const extra = answered.filter((tag) => !want.has(key(tag)));
  if (!missing.length && !extra.length) return undefined;
  return [
    missing.length ? `missing ${missing.join(', ')}` : '',
    extra.length ? `still has ${extra.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

function customFieldDifference(
  meant: Record<string, CustomFieldValue>,
  answered: JsonObject,
): string | undefined {
  const differing = Object.entries(meant)
    .filter(([name, value]) => comparable(value) !== comparable(answered[name]))
    .map(([name]) => name);
  return differing.length ? `${differing.join(', ')} not as sent` : undefined;
}

/**
 * A value as text to compare: the answer's number fields come back as numbers, checkbox
 * options as lists (shapes/contact typedCustomFields), in any order.
 */
function comparable(value: unknown): string {
  if (Array.isArray(value)) return JSON.stringify(value.map(String).sort());
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value ?? null);
}

/**
 * The contact's custom fields as they can be sent back: text as text, numbers as the text they
 * came from, checkbox options as lists; empty values are left out.
 */
export function sendableCustomFields(fields: JsonObject): Record<string, CustomFieldValue> {
  return Object.fromEntries(
    Object.entries(fields).flatMap(([name, value]): [string, CustomFieldValue][] => {
      if (Array.isArray(value)) return [[name, value.map(String)]];
      if (typeof value === 'number') return [[name, String(value)]];
      if (typeof value === 'string' && value !== '') return [[name, value]];
      return [];
    }),
  );
}
