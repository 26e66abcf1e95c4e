import type {
  Bundle,
  Create,
  Search,
  SearchOrCreate,
  Trigger,
  ZObject,
} from 'zapier-platform-core';
import { addConversationNoteCreate } from './creates/add_conversation_note';
import { closeConversationCreate } from './creates/close_conversation';
import { createContactCreate } from './creates/create_contact';
import { deleteContactCreate } from './creates/delete_contact';
import { openConversationCreate } from './creates/open_conversation';
import { sendMessageCreate } from './creates/send_message';
import { sendTemplateMessageCreate } from './creates/send_template_message';
import { setBotStatusCreate } from './creates/set_bot_status';
import { updateContactCreate } from './creates/update_contact';
import { updateConversationFunnelCreate } from './creates/update_conversation_funnel';
import { channelListDropdown } from './dropdowns/channel_list';
import { contactListDropdown } from './dropdowns/contact_list';
import { countryListDropdown } from './dropdowns/country_list';
import type { DropdownTrigger } from './dropdowns/dropdown-trigger';
import { funnelListDropdown } from './dropdowns/funnel_list';
import { messageListDropdown } from './dropdowns/message_list';
import { teamListDropdown } from './dropdowns/team_list';
import { templateListDropdown } from './dropdowns/template_list';
import { userListDropdown } from './dropdowns/user_list';
import { whatsappUserListDropdown } from './dropdowns/whatsapp_user_list';
import { findContactSearch } from './searches/find_contact';
import { findContactsSearch } from './searches/find_contacts';
import { findConversationMessagesSearch } from './searches/find_conversation_messages';
import { findTeamMembersSearch } from './searches/find_team_members';
import { findMessageStatusSearch } from './searches/find_message_status';
import { agentSessionUpdatedTrigger } from './triggers/agent_session_updated';
import { agentStatusUpdatedTrigger } from './triggers/agent_status_updated';
import { contactCreatedTrigger } from './triggers/contact_created';
import { contactDeletedTrigger } from './triggers/contact_deleted';
import { contactUpdatedTrigger } from './triggers/contact_updated';
import { contactUpdatedForAgentTrigger } from './triggers/contact_updated_for_agent';
import { contactUpdatedInTeamTrigger } from './triggers/contact_updated_in_team';
import { contactUpdatedWithTagTrigger } from './triggers/contact_updated_with_tag';
import { conversationClosedTrigger } from './triggers/conversation_closed';
import { conversationOpenedTrigger } from './triggers/conversation_opened';
import { messageCreatedTrigger } from './triggers/message_created';
import { messageStatusUpdatedTrigger } from './triggers/message_status_updated';
import { newEventTrigger } from './triggers/new_event';
import { teamMembershipUpdatedTrigger } from './triggers/team_membership_updated';
import type { HookTrigger } from './webhooks/hook-trigger';

/** What Zapier runs for a step: a perform, performList, performSubscribe, auth test… */
export type Perform<T = unknown> = (z: ZObject, bundle: Bundle) => Promise<T>;

/** The instant triggers: one per Callbell event, specific contact updates, and New Event. */
export const hookTriggers: HookTrigger[] = [
  messageCreatedTrigger,
  messageStatusUpdatedTrigger,
  contactCreatedTrigger,
  contactUpdatedTrigger,
  contactUpdatedWithTagTrigger,
  contactUpdatedForAgentTrigger,
  contactUpdatedInTeamTrigger,
  contactDeletedTrigger,
  conversationOpenedTrigger,
  conversationClosedTrigger,
  agentStatusUpdatedTrigger,
  agentSessionUpdatedTrigger,
  teamMembershipUpdatedTrigger,
  newEventTrigger,
];

/** Hidden polling triggers that feed the dynamic dropdowns. */
export const dropdowns: DropdownTrigger[] = [
  channelListDropdown,
  contactListDropdown,
  templateListDropdown,
  teamListDropdown,
  userListDropdown,
  funnelListDropdown,
  countryListDropdown,
  messageListDropdown,
  whatsappUserListDropdown,
];

/** Every operation the app offers, keyed by its public key (a contract: live Zaps use it). */
function byKey<T extends { key: string }>(operations: T[]): Record<string, T> {
  return Object.fromEntries(operations.map((operation) => [operation.key, operation]));
}

export const triggers: Record<string, Trigger> = byKey<Trigger>([...hookTriggers, ...dropdowns]);

export const creates: Record<string, Create> = byKey<Create>([
  sendMessageCreate,
  sendTemplateMessageCreate,
  createContactCreate,
  updateContactCreate,
  addConversationNoteCreate,
  closeConversationCreate,
  openConversationCreate,
  updateConversationFunnelCreate,
  setBotStatusCreate,
  deleteContactCreate,
]);

export const searches: Record<string, Search> = byKey<Search>([
  findContactSearch,
  findMessageStatusSearch,
  findContactsSearch,
  findConversationMessagesSearch,
  findTeamMembersSearch,
]);

/**
 * Find or Create Contact, offering to update the contact it finds. `update` and
 * `updateInputFromSearchOutput` are EXPERIMENTAL in Zapier's schema (SearchOrCreateSchema);
 * they are kept because the pair works without them: where Zapier does not offer the update,
 * this is a plain Find or Create (Find Contact, else Create Contact), and an Update Contact
 * step mapped to the found contact does the update.
 */
export const searchOrCreates: Record<string, SearchOrCreate> = {
  find_contact: {
    key: 'find_contact',
    display: {
      label: 'Find or Create Contact',
      description: 'Finds a contact by phone number, or creates it when there is none.',
    },
    search: 'find_contact',
    create: 'create_contact',
    update: 'update_contact',
    updateInputFromSearchOutput: { contact_uuid: 'uuid' },
  },
};
