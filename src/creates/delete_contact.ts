import type { Bundle, Create, ZObject } from 'zapier-platform-core';
import { contactUuidOf, deleteContact } from '../api/contacts';
import { contactTargetFields, readContactTarget } from '../fields/contact-target';
import { isNo, stringOrNull } from '../values';
import { EXAMPLE_IDS, type Example } from '../example';

interface DeletedContact {
  id: string;
  uuid: string;
  deleted: boolean;
  status: string | null;
}

const CONFIRM_LABEL = 'Confirm Deletion';

export async function performDeleteContact(z: ZObject, bundle: Bundle): Promise<DeletedContact> {
  // The copy field says the deletion is final (build guidelines, "Delete actions"); Callbell
  // asks for no confirmation, so the box is optional and only a No holds the deletion back.
  // Zaps made when the box was required send Yes and delete as before.
  if (isNo(bundle.inputData.confirm)) {
    throw new z.errors.HaltedError(
      `Leave ${CONFIRM_LABEL} empty or set it to Yes to delete the contact: it is No, so nothing was deleted.`,
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
    inputFields: [
      {
        key: 'irreversible_notice',
        label: 'Deletion Cannot Be Undone',
        type: 'copy',
        helpText:
          'When this step runs, Callbell deletes the contact and its conversation for good ("This operation is unreversible"). Test the Zap on a contact you can lose.',
      },
      ...contactTargetFields,
      {
        // The key is kept for the Zaps made when this box was required.
        key: 'confirm',
        label: CONFIRM_LABEL,
        type: 'boolean',
        helpText:
          'Leave empty or set to Yes to delete. Set to No to make the step stop without deleting, e.g. while you build the Zap.',
      },
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
