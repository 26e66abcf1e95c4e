import type { Bundle, Create, ZObject } from 'zapier-platform-core';
import { contactUuidOf, deleteContact } from '../api/contacts';
import { contactTargetFields, readContactTarget } from '../fields/contact-target';
import { InputError } from '../input-error';
import { isYes, stringOrNull } from '../values';
import { EXAMPLE_IDS, type Example } from '../example';

interface DeletedContact {
  id: string;
  uuid: string;
  deleted: boolean;
  status: string | null;
}

const CONFIRM_LABEL = 'Confirm Permanent Deletion';

export async function performDeleteContact(z: ZObject, bundle: Bundle): Promise<DeletedContact> {
  // "This operation is unreversible" (contacts_api/delete_contact.md): nothing is deleted
  // unless the Zap author said Yes in so many words.
  if (!isYes(bundle.inputData.confirm)) {
    throw new InputError(
      CONFIRM_LABEL,
      'set this to Yes to delete the contact. Callbell cannot undo a deletion.',
    );
  }
  const uuid = await contactUuidOf(z, readContactTarget(bundle.inputData));
  const answer = await deleteContact(z, uuid);
  return { id: uuid, uuid, deleted: true, status: stringOrNull(answer.status) };
}

export const deleteContactCreate = {
  key: 'delete_contact',
  noun: 'Contact',
  display: {
    label: 'Delete Contact',
    description: 'Deletes a contact and its conversation for good. This cannot be undone.',
  },
  operation: {
    // Required fields first (build guidelines, "Fields"): the contact fields are all optional.
    inputFields: [
      {
        key: 'confirm',
        label: CONFIRM_LABEL,
        type: 'boolean',
        required: true,
        helpText:
          'Deleting a contact cannot be undone. Set to Yes to confirm that this step should delete it.',
      },
      ...contactTargetFields,
    ],
    perform: performDeleteContact,
    sample: {
      id: 'eb2b914a977e4ab896e7b886698b3eac',
      uuid: 'eb2b914a977e4ab896e7b886698b3eac',
      deleted: true,
      status: 'contact was destroyed',
    },
    outputFields: [
      { key: 'id', label: 'ID' },
      { key: 'uuid', label: 'Contact ID' },
      { key: 'deleted', label: 'Deleted', type: 'boolean' },
      { key: 'status', label: 'Callbell Status' },
    ],
  },
} satisfies Create;

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: { contact_uuid: EXAMPLE_IDS.otherContact, confirm: true },
  requests: [`DELETE /contacts/${EXAMPLE_IDS.otherContact}`],
};
