import type { ZObject } from 'zapier-platform-core';
import { updateConversationFunnel } from '../api/contacts';
import { funnelStageName } from '../api/funnels';
import {
  contactResultOutputFields,
  contactResultSample,
  type ContactResult,
} from '../shapes/contact';
import { requiredText } from '../values';
import { conversationAction } from './conversation-action';
import { EXAMPLE_IDS, type Example } from '../example';

type MovedConversation = ContactResult & { funnelName: string | null };

/**
 * Callbell answers the move with the contact and its `funnelId` alone
 * (contacts_api/put_contacts_conversation_update_funnel.md). The stage's name, which a later
 * step wants (a Slack message, a CRM stage), is only in GET /funnels: one more request, a read
 * after the move, that never fails the step.
 */
async function moveConversation(
  z: ZObject,
  uuid: string,
  funnelId: string,
): Promise<MovedConversation> {
  const contact = await updateConversationFunnel(z, uuid, funnelId);
  return { ...contact, funnelName: await funnelStageName(z, contact.funnelId ?? funnelId) };
}

/** The stages of get_funnels.md's example: the contact moved to "Interest". */
const sample: MovedConversation = {
  ...contactResultSample,
  funnelId: '1cd7845e-6b93-453d-b015-9dce35d16f39',
  funnelName: 'Interest',
};

export const updateConversationFunnelCreate = conversationAction({
  key: 'update_conversation_funnel',
  label: 'Move Conversation to Funnel Stage',
  description: "Moves a contact's conversation to another stage of your sales funnel.",
  fields: [
    {
      key: 'funnel_id',
      label: 'Funnel Stage',
      dynamic: 'funnel_list.id.name',
      required: true,
    },
  ],
  read: (input) => requiredText(input.funnel_id, 'Funnel Stage', 'a funnel stage'),
  change: moveConversation,
  sample,
  outputFields: [...contactResultOutputFields, { key: 'funnelName', label: 'Funnel Stage Name' }],
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: { contact_uuid: EXAMPLE_IDS.contact, funnel_id: EXAMPLE_IDS.funnel },
  requests: [`PUT /contacts/${EXAMPLE_IDS.contact}/conversation/update_funnel`, 'GET /funnels'],
};
