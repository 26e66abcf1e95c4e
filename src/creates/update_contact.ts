import type { Bundle, Create, ZObject } from 'zapier-platform-core';
import { contactUuidOf, currentContact, updateContact } from '../api/contacts';
import { assignmentFields, readAssignment } from '../fields/assignment';
import { contactDetailFields, readContactDetails } from '../fields/contact-details';
import { contactTargetFields, readContactTarget } from '../fields/contact-target';
import { definedEntries, isYes, optionalText } from '../values';
import { InputError } from '../input-error';
import {
  contactResultOutputFields,
  contactResultSample,
  type ContactResult,
} from '../shapes/contact';

/**
 * Only what the user filled in reaches Callbell: an empty mapped value never wipes data.
 * Clearing takes an explicit choice (Unassign User, Clear Note).
 */
function changes(input: Record<string, unknown>) {
  const assignment = readAssignment(input);
  const unassign = isYes(input.unassign_user);
  if (unassign && assignment.assigned_user) {
    throw new InputError(
      'Unassign User',
      'choose either Assign to User or Unassign User, not both.',
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
 * With nothing to change (every field empty, e.g. Find or Create Contact's update step with
 * nothing mapped) the contact comes back as it is: an optional field left empty must not fail
 * the Zap (Zapier's build guidelines, "Fields").
 */
export async function performUpdateContact(z: ZObject, bundle: Bundle): Promise<ContactResult> {
  const body = changes(bundle.inputData);
  const target = readContactTarget(bundle.inputData);
  if (Object.keys(body).length === 0) return currentContact(z, target);
  const uuid = await contactUuidOf(z, target);
  return updateContact(z, uuid, body);
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
        required: false,
        helpText: "The contact's new name. Leave empty to keep it.",
      },
      ...contactDetailFields,
      {
        key: 'clear_note',
        label: 'Clear Note',
        type: 'boolean',
        required: false,
        helpText: "Set to Yes to remove the contact's note.",
      },
      ...assignmentFields,
      {
        key: 'unassign_user',
        label: 'Unassign User',
        type: 'boolean',
        required: false,
        helpText: 'Set to Yes to remove the assigned collaborator from the conversation.',
      },
    ],
    perform: performUpdateContact,
    sample: contactResultSample,
    outputFields: contactResultOutputFields,
  },
} satisfies Create;
