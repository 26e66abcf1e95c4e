import type { Create, Search, SearchOrCreate, Trigger } from 'zapier-platform-core';
import { agentSessionUpdated } from './triggers/agent_session_updated';
import { agentStatusUpdated } from './triggers/agent_status_updated';
import { contactCreated } from './triggers/contact_created';
import { contactDeleted } from './triggers/contact_deleted';
import { contactUpdated } from './triggers/contact_updated';
import { conversationClosed } from './triggers/conversation_closed';
import { conversationOpened } from './triggers/conversation_opened';
import { messageCreated } from './triggers/message_created';
import { messageStatusUpdated } from './triggers/message_status_updated';
import { newEvent } from './triggers/new_event';
import { teamMembershipUpdated } from './triggers/team_membership_updated';

/** Every operation the app offers, keyed by its public key (a contract: live Zaps use it). */
function byKey<T extends { key: string }>(operations: T[]): Record<string, T> {
  return Object.fromEntries(operations.map((operation) => [operation.key, operation]));
}

export const triggers: Record<string, Trigger> = byKey<Trigger>([
  messageCreated,
  messageStatusUpdated,
  contactCreated,
  contactUpdated,
  contactDeleted,
  conversationOpened,
  conversationClosed,
  agentStatusUpdated,
  agentSessionUpdated,
  teamMembershipUpdated,
  newEvent,
]);
export const creates: Record<string, Create> = byKey<Create>([]);
export const searches: Record<string, Search> = byKey<Search>([]);
export const searchOrCreates: Record<string, SearchOrCreate> = {};
