import type { Bundle, Create, PlainInputField, ZObject } from 'zapier-platform-core';
import { changeContact, contactPath, type ContactResult } from './contacts';
import { contactResultOutputFields, contactResultSample } from './samples/contact_result';
import { contactTargetFields, resolveContactUuid } from './fields/contact-target';

interface ConversationActionSpec {
  key: string;
  label: string;
  description: string;
  method: 'POST' | 'PUT';
  /** The path below /contacts/:uuid/conversation, e.g. "close". */
  action: string;
  fields?: PlainInputField[];
  /** The request body from the input, checked before any request. */
  body?: (input: Record<string, unknown>) => object;
}

/**
 * An action on a contact's conversation that Callbell answers with the contact (close, reopen,
 * move to a funnel stage): find the contact, make the one call, return the contact.
 */
export function conversationAction(spec: ConversationActionSpec): Create {
  const perform = async (z: ZObject, bundle: Bundle): Promise<ContactResult> => {
    const body = spec.body?.(bundle.inputData);
    const uuid = await resolveContactUuid(z, bundle.inputData);
    return changeContact(z, spec.method, contactPath(uuid, 'conversation', spec.action), body);
  };
  return {
    key: spec.key,
    noun: 'Conversation',
    display: { label: spec.label, description: spec.description },
    operation: {
      inputFields: [...contactTargetFields, ...(spec.fields ?? [])],
      perform,
      sample: contactResultSample,
      outputFields: contactResultOutputFields,
    },
  };
}
