import type { Bundle, Create, ZObject } from 'zapier-platform-core';
import { addConversationNote, contactUuidOf } from '../api/contacts';
import { readNote } from '../fields/contact-details';
import { contactTargetFields, readContactTarget } from '../fields/contact-target';
import { InputError } from '../input-error';

interface NoteResult {
  id: string;
  contact_uuid: string;
  text: string;
  success: boolean;
}

export async function performAddConversationNote(z: ZObject, bundle: Bundle): Promise<NoteResult> {
  const text = readNote(bundle.inputData.text, 'Note');
  if (!text) throw new InputError('Note', 'the note text is required.');
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
      "Adds an internal note to a contact's conversation, visible to your team only; @name mentions a teammate.",
  },
  operation: {
    inputFields: [
      {
        key: 'text',
        label: 'Note',
        type: 'text',
        required: true,
        helpText:
          'The note, up to 1000 characters. Write `@name` to mention and notify a teammate. The contact never sees it.',
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
