import { createHash } from 'node:crypto';
import { objectOrEmpty, stringOrNull } from '../values';
import type { Delivery } from './events';

/**
 * A stable id per event: the same delivery always gets the same id, two different events
 * never share one. Creations and deletions happen once per record, so the record's uuid is
 * enough; a message status is unique per message and status. Other events can repeat for one
 * record (a contact updated twice), and a new message has no uuid at all, so those ids add a
 * digest of the delivery's content.
 */
export function eventId({ event, payload }: Delivery): string {
  const uuid = stringOrNull(payload.uuid);
  switch (event) {
    case 'contact_created':
    case 'contact_deleted':
      if (uuid) return uuid;
      break;
    case 'message_status_updated':
      if (uuid) return `${uuid}-${stringOrNull(payload.status) ?? 'unknown'}`;
      break;
  }
  return `${anchor(payload) ?? event}-${digest({ event, payload })}`;
}

/** The record an event is about: a contact, an agent or a team. */
function anchor(payload: Delivery['payload']): string | null {
  return (
    stringOrNull(payload.uuid) ??
    stringOrNull(objectOrEmpty(payload.contact).uuid) ??
    stringOrNull(payload.email) ??
    stringOrNull(objectOrEmpty(payload.user).email) ??
    stringOrNull(objectOrEmpty(payload.team).uuid)
  );
}

function digest(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex').slice(0, 16);
}

/** JSON with object keys sorted, so the same content always hashes the same. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, nested]) => nested !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, nested]) => `${JSON.stringify(key)}:${stableJson(nested)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
