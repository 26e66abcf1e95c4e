import type { Bundle, PlainOutputField, ZObject } from 'zapier-platform-core';
import type { CallbellEvent, EventMapper } from '../webhooks/events';
import { CALLBELL_EVENTS } from '../webhooks/events';
import { offeringAttachmentFiles } from '../hydrators/attachment_file';
import { hookTrigger, type HookTrigger } from '../webhooks/hook-trigger';
import { stringList } from '../values';
import { mapAgentSessionUpdated, agentSessionUpdatedTrigger } from './agent_session_updated';
import { mapAgentStatusUpdated, agentStatusUpdatedTrigger } from './agent_status_updated';
import { mapContactCreated, contactCreatedTrigger } from './contact_created';
import { mapContactDeleted, contactDeletedTrigger } from './contact_deleted';
import { mapContactUpdated, contactUpdatedTrigger } from './contact_updated';
import { mapConversationClosed, conversationClosedTrigger } from './conversation_closed';
import { mapConversationOpened, conversationOpenedTrigger } from './conversation_opened';
import { mapMessageCreated, messageCreatedTrigger, messageCreatedSample } from './message_created';
import { mapMessageStatusUpdated, messageStatusUpdatedTrigger } from './message_status_updated';
import { mapTeamMembershipUpdated, teamMembershipUpdatedTrigger } from './team_membership_updated';
import type { HookExample } from '../example';

/** The trigger of each event: New Event reads, labels and samples each event exactly as it. */
const TRIGGERS: Record<CallbellEvent, HookTrigger> = {
  message_created: messageCreatedTrigger,
  message_status_updated: messageStatusUpdatedTrigger,
  contact_created: contactCreatedTrigger,
  contact_updated: contactUpdatedTrigger,
  contact_deleted: contactDeletedTrigger,
  conversation_opened: conversationOpenedTrigger,
  conversation_closed: conversationClosedTrigger,
  agent_status_updated: agentStatusUpdatedTrigger,
  agent_session_updated: agentSessionUpdatedTrigger,
  team_membership_updated: teamMembershipUpdatedTrigger,
};

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
/** Each event by its trigger's label, as the Zap editor names it. */
const EVENT_LABELS = Object.fromEntries(
  CALLBELL_EVENTS.map((event) => [event, TRIGGERS[event].display.label]),
) as Record<CallbellEvent, string>;

/** The chosen events, in Callbell's order. */
function chosenEvents(events: unknown): CallbellEvent[] {
  const chosen = stringList(events);
  return CALLBELL_EVENTS.filter((event) => chosen.includes(event));
}

/** The first event the user chose, in the order they chose them. */
function firstChosen(events: unknown): CallbellEvent | undefined {
  const chosen = new Set<string>(chosenEvents(events));
  return stringList(events).find((event): event is CallbellEvent => chosen.has(event));
}

/** Fields every trigger declares itself (hookTrigger's id, event and event time). */
const COMMON_KEYS = new Set(['id', 'event', 'created_at']);

/**
 * The output fields of the chosen events, the first chosen event's first, each key once: the
 * Zap editor labels what the chosen events give, not a message whatever was chosen.
 */
export async function chosenOutputFields(_z: ZObject, bundle: Bundle): Promise<PlainOutputField[]> {
  const first = firstChosen(bundle.inputData.events);
  const events = [...(first ? [first] : []), ...chosenEvents(bundle.inputData.events)];
  const fields = events.flatMap((event) =>
    TRIGGERS[event].operation.outputFields.filter(
      (field): field is PlainOutputField => typeof field === 'object',
    ),
  );
  const seen = new Set(COMMON_KEYS);
  return fields.filter(({ key }) => !seen.has(key) && seen.add(key));
}

const chosenEventsHook = hookTrigger({
  key: 'new_event',
  noun: 'Event',
  label: 'New Event',
  description: 'Triggers when any of the events you choose happens.',
  mappers: MAPPERS,
  events: (bundle) => chosenEvents(bundle.inputData.events),
  inputFields: [
    {
      key: 'events',
      label: 'Events',
      choices: EVENT_LABELS,
      list: true,
      required: true,
      altersDynamicFields: true,
      helpText:
        'The events that start this Zap. Each run says which one happened in **Event Name** (for example `message_created`): branch on it with Paths or a Filter.',
    },
  ],
  // A static sample cannot follow the step's input, and Zapier compares it with the Zap's
  // latest run whatever event that was (integration check T004): it holds only the keys
  // every event gives. The output fields follow the chosen events, and the Zap editor's test
  // shows real recent events of the chosen kinds, or nothing (then Zapier shows this sample).
  sample: { id: messageCreatedSample.id, event: messageCreatedSample.event },
  outputFields: [chosenOutputFields],
});

export const newEventTrigger: HookTrigger = offeringAttachmentFiles(chosenEventsHook);

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: HookExample = {
  input: { events: [...CALLBELL_EVENTS] },
  event: 'message_created',
};
