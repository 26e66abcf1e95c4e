import type { Bundle, PlainInputField, PlainOutputField, ZObject } from 'zapier-platform-core';
import { contactUuidOf } from '../api/contacts';
import { contactTargetFields, readContactTarget } from '../fields/contact-target';
import {
  contactResultOutputFields,
  contactResultSample,
  type ContactResult,
} from '../shapes/contact';

interface ConversationActionSpec<Input> {
  key: string;
  label: string;
  description: string;
  fields?: PlainInputField[];
  /** The step's own input, checked before any request. */
  read: (input: Record<string, unknown>) => Input;
  /** The one change, on the contact found. */
  change: (z: ZObject, uuid: string, input: Input) => Promise<ContactResult>;
  /** When the change adds to the contact it returns. */
  sample?: ContactResult;
  outputFields?: PlainOutputField[];
}

/**
 * An action on a contact's conversation that Callbell answers with the contact (close, reopen,
 * move to a funnel stage): find the contact, make the change, return the contact.
 */
export function conversationAction<Input>(spec: ConversationActionSpec<Input>) {
  const perform = async (z: ZObject, bundle: Bundle): Promise<ContactResult> => {
    const input = spec.read(bundle.inputData);
    const uuid = await contactUuidOf(z, readContactTarget(bundle.inputData));
    return spec.change(z, uuid, input);
  };
  return {
    key: spec.key,
    noun: 'Conversation',
    display: { label: spec.label, description: spec.description },
    operation: {
      // Required fields first (BG "Fields"): the contact fields are all optional.
      inputFields: [...(spec.fields ?? []), ...contactTargetFields],
      perform,
      sample: spec.sample ?? contactResultSample,
      outputFields: spec.outputFields ?? contactResultOutputFields,
    },
  };
}
