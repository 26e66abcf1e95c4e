import type { Bundle, Create, ZObject } from 'zapier-platform-core';
import { addConversationNote, contactUuidOf } from '../api/contacts';
import { contactTargetFields, readContactTarget } from '../fields/contact-target';
import { requiredText } from '../values';
import { EXAMPLE_IDS, type Example } from '../example';

interface NoteResult {
  id: string;
  contact_uuid: string;
  text: string;
  success: boolean;
}

export async function performAddConversationNote(z: ZObject, bundle: Bundle): Promise<NoteResult> {
  // `text` is the one required parameter; the docs state no length limit for it
  // (contacts_api/post_contact_conversation_create_note.md), so none is enforced here.
  const text = requiredText(bundle.inputData.text, 'Note', 'the note text');
  const uuid = await contactUuidOf(z, readContactTarget(bundle.inputData));
  const answer = await addConversationNote(z, uuid, text);
  return { id: uuid, contact_uuid: uuid, text, success: answer.success === true };
}

export const addConversationNoteCreate = {
  key: 'add_conversation_note',
  noun: 'Note',
  display: {
    label: 'Add Note to Conversation',
    description:
      "Adds an internal note to a contact's conversation, visible to your agents only; @name mentions an agent.",
  },
  operation: {
    inputFields: [
      {
        key: 'text',
        label: 'Note',
        type: 'text',
        required: true,
        helpText:
          'The note. Write `@name` to mention and notify an agent. The contact never sees it.',
      },
      ...contactTargetFields,
    ],
    perform: performAddConversationNote,
    sample: {
      id: 'eb2b914a977e4ab896e7b886698b3eac',
      contact_uuid: 'eb2b914a977e4ab896e7b886698b3eac',
      text: 'Order #1001 paid by card, ships Monday. @maria please confirm.',
      success: true,
    },
    outputFields: [
      { key: 'id', label: 'ID' },
      { key: 'contact_uuid', label: 'Contact ID' },
      { key: 'text', label: 'Note' },
      { key: 'success', label: 'Added', type: 'boolean' },
    ],
  },
} satisfies Create;

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: { contact_uuid: EXAMPLE_IDS.contact, text: 'Call back about order #1001' },
  requests: [`POST /contacts/${EXAMPLE_IDS.contact}/conversation/note`],
};
