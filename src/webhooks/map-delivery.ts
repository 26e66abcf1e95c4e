import { contactOutput } from '../outputs/contact';
import {
  isObject,
  isoTime,
  objectOrEmpty,
  stringList,
  stringOrNull,
  type JsonObject,
} from '../outputs/values';
import { failureReason } from '../outputs/message-status';
import { eventId } from './event-id';
import type { CallbellEvent, Delivery } from './events';

/**
 * What a Zap receives for one delivery: `id`, `event`, `created_at` (when the event happened,
 * ISO 8601, null when the payload does not say) and the event's own fields, with contacts
 * always in the shape of `contactOutput`. Nested objects are flattened by Zapier
 * (`contact__name`). Never throws, whatever the payload holds.
 */
export interface HookOutput extends EventFields {
  id: string;
  event: CallbellEvent;
}

interface EventFields extends JsonObject {
  created_at: string | null;
}

const MAPPERS: Record<CallbellEvent, (payload: JsonObject) => EventFields> = {
  message_created: messageCreated,
  message_status_updated: messageStatusUpdated,
  contact_created: (payload) => contactEvent(payload, isoTime(payload.createdAt)),
  contact_updated: (payload) => contactEvent(payload, null),
  contact_deleted: (payload) => ({
    created_at: isoTime(payload.deleted),
    uuid: stringOrNull(payload.uuid),
    deleted: stringOrNull(payload.deleted),
  }),
  conversation_opened: (payload) => conversation(payload, isoTime(payload.createdAt)),
  conversation_closed: (payload) => conversation(payload, isoTime(payload.closedAt)),
  agent_status_updated: (payload) => ({
    created_at: isoTime(payload.lastUpdatedAt),
    ...agent(payload),
    userCustomStatus: objectOrNull(payload.userCustomStatus),
  }),
  agent_session_updated: (payload) => {
    const user = agent(payload.user);
    return { created_at: isoTime(user.lastUpdatedAt), action: stringOrNull(payload.action), user };
  },
  team_membership_updated: (payload) => ({
    created_at: isoTime(payload.lastUpdateAt),
    reason: stringOrNull(payload.reason),
    team: objectOrEmpty(payload.team),
    user: agent(payload.user),
  }),
};

export function mapDelivery(delivery: Delivery): HookOutput {
  return {
    id: eventId(delivery),
    event: delivery.event,
    ...MAPPERS[delivery.event](delivery.payload),
  };
}

function messageCreated(payload: JsonObject): EventFields {
  return {
    created_at: isoTime(payload.createdAt),
    text: stringOrNull(payload.text),
    status: stringOrNull(payload.status),
    channel: stringOrNull(payload.channel),
    from: stringOrNull(payload.from),
    to: stringOrNull(payload.to),
    attachments: stringList(payload.attachments),
    metadata: objectOrEmpty(payload.metadata),
    contact: contactOutput(payload.contact),
    createdAt: stringOrNull(payload.createdAt),
    messageLocation: objectOrNull(payload.messageLocation),
    messageContactCard: objectOrNull(payload.messageContactCard),
    messageReplyButton: objectOrNull(payload.messageReplyButton),
    messageInteractiveList: objectOrNull(payload.messageInteractiveList),
    messageForward: objectOrNull(payload.messageForward),
    // Callbell's documented key is misspelt "mesageContext"; accept both.
    messageContext: objectOrNull(payload.messageContext ?? payload.mesageContext),
  };
}

function messageStatusUpdated(payload: JsonObject): EventFields {
  const statusPayload = objectOrEmpty(payload.messageStatusPayload);
  return {
    created_at: isoTime(objectOrEmpty(statusPayload.payload).ts ?? statusPayload.timestamp),
    uuid: stringOrNull(payload.uuid),
    status: stringOrNull(payload.status),
    failure_reason: failureReason(statusPayload),
    metadata: objectOrEmpty(payload.metadata),
    contact: contactOutput(payload.contact),
    messageStatusPayload: statusPayload,
  };
}

function contactEvent(payload: JsonObject, createdAt: string | null): EventFields {
  return { created_at: createdAt, ...contactOutput(payload) };
}

function conversation(payload: JsonObject, createdAt: string | null): EventFields {
  return {
    created_at: createdAt,
    source: stringOrNull(payload.source),
    href: stringOrNull(payload.href),
    createdAt: stringOrNull(payload.createdAt),
    closedAt: stringOrNull(payload.closedAt),
    closingReason: stringOrNull(payload.closingReason),
    contact: contactOutput(payload.contact),
  };
}

function agent(value: unknown) {
  const user = objectOrEmpty(value);
  return {
    email: stringOrNull(user.email),
    name: stringOrNull(user.name),
    available: typeof user.available === 'boolean' ? user.available : null,
    lastUpdatedAt: stringOrNull(user.lastUpdatedAt ?? user.lastUpdateAt),
  };
}

function objectOrNull(value: unknown): JsonObject | null {
  return isObject(value) ? value : null;
}
