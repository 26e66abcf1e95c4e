import { createHash } from 'node:crypto';
import { shorten } from '../user-message';
import { CONTROL_CHARACTERS, objectOrEmpty, stringOrNull } from '../values';
import type { CallbellEvent, Delivery } from '../api/webhooks';

/**
 * Events whose payload can repeat word for word for two different occurrences: a contact's
 * tags changed and changed back (contact_updated carries no time of the change), two log-ins
 * (the user's `lastUpdatedAt` is their status time, not the session's), two identical
 * messages in one second (`createdAt` has whole seconds), a conversation reopened (its
 * `createdAt` may be the first opening). Only the delivery's time tells these apart.
 * The other events carry the time of the occurrence itself (a status timestamp, `closedAt`,
 * `deleted`, `lastUpdateAt`) or happen once per record (a creation).
 */
const REPEATABLE_EVENTS: ReadonlySet<CallbellEvent> = new Set<CallbellEvent>([
  'contact_updated',
  'message_created',
  'agent_session_updated',
  'conversation_opened',
]);

export function idIncludesDeliveryTime(event: CallbellEvent): boolean {
  return REPEATABLE_EVENTS.has(event);
}

/** The readable start of an id; the digest after it is what makes the id unique. */
const ANCHOR_LENGTH = 64;

const UNREADABLE = new RegExp(`${CONTROL_CHARACTERS.source}|\\s`, 'g');

/**
 * A stable id per event: `<what it is about>-<16 hex digits>`. The digits are a digest of the
 * event's name and its whole payload (plus, for the events above, the delivery's time), so
 * the same delivery always gets the same id, and two events differ in their ids as soon as
 * they differ in anything: their name (contact_created and contact_deleted of one contact),
 * their content (a message failing twice with different reasons), or when they were
 * delivered. The readable part is only a label: whatever it holds, even the separator, the
 * fixed-length digest at the end keeps ids apart.
 */
export function eventId({ event, payload, deliveredAt }: Delivery): string {
  const identity =
    idIncludesDeliveryTime(event) && deliveredAt
      ? { event, payload, deliveredAt }
      : { event, payload };
  return `${anchor(payload) ?? event}-${digest(identity)}`;
}

/** The record an event is about: a contact, an agent or a team. */
function anchor(payload: Delivery['payload']): string | null {
  const text =
    stringOrNull(payload.uuid) ??
    stringOrNull(objectOrEmpty(payload.contact).uuid) ??
    stringOrNull(payload.email) ??
    stringOrNull(objectOrEmpty(payload.user).email) ??
    stringOrNull(objectOrEmpty(payload.team).uuid);
  const readable = text?.replace(UNREADABLE, '');
  return readable ? shorten(readable, ANCHOR_LENGTH) : null;
}

export function digest(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex').slice(0, 16);
}

/** Text written as is into the output, between the values. */
class Literal {
  constructor(readonly text: string) {}
}

/**
 * JSON with object keys sorted, so the same content always hashes the same. Written with a
 * stack of its own, not by recursion: no depth of nesting in a webhook body can overflow.
 */
export function stableJson(value: unknown): string {
  const out: string[] = [];
  const pending: unknown[] = [value];
  while (pending.length) {
    const item = pending.pop();
    if (item instanceof Literal) out.push(item.text);
    else if (Array.isArray(item)) pushList(pending, item);
    else if (typeof item === 'object' && item !== null) pushObject(pending, item);
    else out.push(scalarJson(item));
  }
  return out.join('');
}

/** A list's parts onto the stack, last first, so they come off in order. */
function pushList(pending: unknown[], list: unknown[]): void {
  pending.push(new Literal(']'));
  for (let index = list.length - 1; index >= 0; index -= 1) {
    pending.push(list[index] === undefined ? null : list[index]);
    if (index > 0) pending.push(new Literal(','));
  }
  pending.push(new Literal('['));
}

function pushObject(pending: unknown[], object: object): void {
  const entries = Object.entries(object)
    .filter(([, nested]) => nested !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  pending.push(new Literal('}'));
  for (let index = entries.length - 1; index >= 0; index -= 1) {
    const [key, nested] = entries[index] as [string, unknown];
    pending.push(nested, new Literal(`${index > 0 ? ',' : ''}${JSON.stringify(key)}:`));
  }
  pending.push(new Literal('{'));
}

/** JSON.stringify leaves out what JSON cannot hold (undefined): it is written as null. */
function scalarJson(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}
