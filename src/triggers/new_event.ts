import type { CallbellEvent, EventMapper } from '../webhooks/events';
import { CALLBELL_EVENTS } from '../webhooks/events';
import { hookTrigger } from '../webhooks/hook-trigger';
import { stringList } from '../values';
import { mapAgentSessionUpdated } from './agent_session_updated';
import { mapAgentStatusUpdated } from './agent_status_updated';
import { mapContactCreated } from './contact_created';
import { mapContactDeleted } from './contact_deleted';
import { mapContactUpdated } from './contact_updated';
import { mapConversationClosed } from './conversation_closed';
import { mapConversationOpened } from './conversation_opened';
import { mapMessageCreated, messageCreatedSample, messageOutputFields } from './message_created';
import { mapMessageStatusUpdated } from './message_status_updated';
import { mapTeamMembershipUpdated } from './team_membership_updated';

/** Each event as the trigger of its own reads it, so New Event outputs exactly the same. */
const MAPPERS: Record<CallbellEvent, EventMapper> = {
  message_created: mapMessageCreated,
  message_status_updated: mapMessageStatusUpdated,
  contact_created: mapContactCreated,
  contact_updated: mapContactUpdated,
  contact_deleted: mapContactDeleted,
  conversation_opened: mapConversationOpened,
  conversation_closed: mapConversationClosed,
  agent_status_updated: mapAgentStatusUpdated,
  agent_session_updated: mapAgentSessionUpdated,
  team_membership_updated: mapTeamMembershipUpdated,
};

const EVENT_LABELS: Record<CallbellEvent, string> = {
  message_created: 'New Message',
  message_status_updated: 'Message Status Updated',
  contact_created: 'New Contact',
  contact_updated: 'Updated Contact',
  contact_deleted: 'Deleted Contact',
  conversation_opened: 'Conversation Opened',
  conversation_closed: 'Conversation Closed',
  agent_status_updated: 'Agent Status Updated',
  agent_session_updated: 'Agent Logged In or Out',
  team_membership_updated: 'Team Membership Updated',
};

/** The chosen events, in Callbell's order. */
function chosenEvents(events: unknown): CallbellEvent[] {
  const chosen = stringList(events);
  return CALLBELL_EVENTS.filter((event) => chosen.includes(event));
}

export const newEvent = hookTrigger({
  key: 'new_event',
  noun: 'Event',
  label: 'New Event',
  description:
    'Triggers when any of the events you choose happens, so that one Zap can handle several kinds of event with Paths or Filters.',
  mappers: MAPPERS,
  events: (bundle) => chosenEvents(bundle.inputData.events),
  inputFields: [
    {
      key: 'events',
      label: 'Events',
      choices: EVENT_LABELS,
      list: true,
      required: true,
      helpText:
        'The events that start this Zap. Each run says which one happened in **Event Name** (for example `message_created`): branch on it with Paths or a Filter.',
    },
  ],
  sample: messageCreatedSample,
  outputFields: messageOutputFields,
});
