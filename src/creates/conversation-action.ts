import type { Bundle, PlainInputField, ZObject } from 'zapier-platform-core';
import { changeConversation, contactUuidOf, type ConversationChange } from '../api/contacts';
import { contactTargetFields, readContactTarget } from '../fields/contact-target';
import {
  contactResultOutputFields,
  contactResultSample,
  type ContactResult,
} from '../shapes/contact';

interface ConversationActionSpec {
  key: string;
  label: string;
  description: string;
  change: Omit<ConversationChange, 'body'>;
  fields?: PlainInputField[];
  /** The request body from the input, checked before any request. */
  body?: (input: Record<string, unknown>) => object;
}

/**
 * An action on a contact's conversation that Callbell answers with the contact (close, reopen,
 * move to a funnel stage): find the contact, make the one call, return the contact.
 */
export function conversationAction(spec: ConversationActionSpec) {
  const perform = async (z: ZObject, bundle: Bundle): Promise<ContactResult> => {
    const body = spec.body?.(bundle.inputData);
    const target = readContactTarget(bundle.inputData);
    const uuid = await contactUuidOf(z, target);
    return changeConversation(z, uuid, { ...spec.change, body });
  };
  return {
    key: spec.key,
    noun: 'Conversation',
    display: { label: spec.label, description: spec.description },
    operation: {
      // Required fields first (BG "Fields"): the contact fields are all optional.
      inputFields: [...(spec.fields ?? []), ...contactTargetFields],
      perform,
      sample: contactResultSample,
      outputFields: contactResultOutputFields,
    },
  };
}
