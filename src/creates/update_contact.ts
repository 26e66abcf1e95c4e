import type { Bundle, Create, PlainInputField, ZObject } from 'zapier-platform-core';
import { contactUuidOf, readTargetContact } from '../api/contacts';
import { patchContactChecked } from '../api/contact-changes';
import { assignmentFields, readAssignment } from '../fields/assignment';
import {
  contactDetailFields,
  legacyCheckboxFields,
  readContactDetails,
} from '../fields/contact-details';
import { contactTargetFields, readContactTarget } from '../fields/contact-target';
import { definedEntries, isYes, oneOf, optionalText } from '../values';
import { InputError } from '../input-error';
import {
  contactResultOutputFields,
  contactResultSample,
  type ContactResult,
} from '../shapes/contact';
import { EXAMPLE_IDS, type Example } from '../example';

/**
 * Only what the user filled in reaches Callbell: an empty mapped value never wipes data.
 * Clearing takes an explicit choice (Unassign Agent, Clear Note).
 */
function changes(input: Record<string, unknown>) {
  const assignment = readAssignment(input);
  const unassign = isYes(input.unassign_user);
  if (unassign && assignment.assigned_user) {
    throw new InputError(
      'Unassign Agent',
      'choose either Assign to Agent or Unassign Agent, not both.',
    );
  }
  const details = readContactDetails(input);
  const clearNote = isYes(input.clear_note);
  if (clearNote && details.note) {
    throw new InputError('Clear Note', 'choose either a new Contact Note or Clear Note, not both.');
  }
  return definedEntries({
    name: optionalText(input.name),
    ...details,
    note: clearNote ? '' : details.note,
    ...assignment,
    unassign_user: unassign ? true : undefined,
  });
}

/**
 * What Tags does to the contact's tags. The docs do not say whether PATCH's `tags` replaces or
 * adds (contacts_api/patch_contacts.md), so Add and Remove send the whole resulting list, read
 * from the contact first: right under either reading. Replace sends the list as given. The
 * answer must show the tags meant (api/contact-changes), else the step fails.
 */
const TAGS_MODES = {
  add: 'Add to existing tags',
  replace: 'Replace all tags',
  remove: 'Remove these tags',
};

type TagsMode = keyof typeof TAGS_MODES;

const tagsModeField: PlainInputField = {
  key: 'tags_mode',
  label: 'Tags Mode',
  choices: TAGS_MODES,
  default: 'add',
  helpText:
    "What Tags does: add them to the contact's tags (default), replace all of its tags with them, or remove them. Add and Remove read the contact first, and the step fails if the contact then has other tags. Two Zaps changing one contact's tags at the same moment can undo each other: let one Zap do it, or add a Delay step.",
};

/** Callbell's tags ignore case ("Tags are case-insentive", contacts_api/get_contacts.md). */
function resultingTags(mode: Exclude<TagsMode, 'replace'>, current: string[], given: string[]) {
  const givenKeys = new Set(given.map((tag) => tag.toLowerCase()));
  if (mode === 'remove') return current.filter((tag) => !givenKeys.has(tag.toLowerCase()));
  const currentKeys = new Set(current.map((tag) => tag.toLowerCase()));
  return [...current, ...given.filter((tag) => !currentKeys.has(tag.toLowerCase()))];
}

/**
 * With nothing to change (every field empty, e.g. Find or Create Contact's update step with
 * nothing mapped) the contact comes back as it is: an optional field left empty must not fail
 * the Zap (Zapier's build guidelines, "Fields"). Tags (Add, Remove) and custom fields read the
 * contact first: the tags to send are computed from it, and custom fields it had are put back
 * if Callbell's PATCH turns out to replace them (api/contact-changes). A contact found by phone
 * is read anyway; one named by ID costs one GET.
 */
export async function performUpdateContact(z: ZObject, bundle: Bundle): Promise<ContactResult> {
  const input = bundle.inputData;
  const body = changes(input);
  const mode = oneOf(input.tags_mode, TAGS_MODES, 'Tags Mode') ?? 'add';
  const target = readContactTarget(input);
  if (Object.keys(body).length === 0) return readTargetContact(z, target);
  const computesTags = body.tags !== undefined && mode !== 'replace';
  const before = computesTags || body.custom_fields ? await readTargetContact(z, target) : null;
  const uuid = 'uuid' in target ? target.uuid : (before?.id ?? (await contactUuidOf(z, target)));
  const tags =
    body.tags && before && mode !== 'replace'
      ? resultingTags(mode, before.tags, body.tags)
      : body.tags;
  return patchContactChecked(z, uuid, { ...body, ...(tags ? { tags } : {}) }, before);
}

export const updateContactCreate = {
  key: 'update_contact',
  noun: 'Contact',
  display: {
    label: 'Update Contact',
    description:
      'Updates a contact chosen or found by phone number; fields left empty keep their current value.',
  },
  operation: {
    inputFields: [
      ...contactTargetFields,
      {
        key: 'name',
        label: 'Name',
        helpText: 'Leave empty to keep the current name.',
      },
      ...contactDetailFields.flatMap((field) =>
        field.key === 'tags' ? [field, tagsModeField] : [field],
      ),
      legacyCheckboxFields,
      {
        key: 'clear_note',
        label: 'Clear Note',
        type: 'boolean',
        helpText: "Set to Yes to remove the contact's note.",
      },
      ...assignmentFields,
      {
        key: 'unassign_user',
        label: 'Unassign Agent',
        type: 'boolean',
        helpText: 'Set to Yes to remove the assigned agent from the conversation.',
      },
    ],
    perform: performUpdateContact,
    sample: contactResultSample,
    outputFields: contactResultOutputFields,
  },
} satisfies Create;

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: { contact_uuid: EXAMPLE_IDS.contact, name: 'John Doe' },
  requests: [`PATCH /contacts/${EXAMPLE_IDS.contact}`],
};
