import { stringList } from '../outputs/values';
import { messageCreatedSample } from '../samples/message_created';
import { CALLBELL_EVENTS, type CallbellEvent } from '../webhooks/events';
import { hookTrigger } from '../webhooks/hook-trigger';
import { messageOutputFields } from '../webhooks/output-fields';

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
    'Triggers when any of the Callbell events you choose happens, so that one Zap can handle several kinds of event with Paths or Filters.',
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
