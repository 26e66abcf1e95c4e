import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DocumentedDelivery {
  event: string;
  payload: Record<string, unknown>;
}

/** The parts of Callbell's documented message body that a plain text message does not have. */
const RICH_MESSAGE_PARTS = [
  'messageLocation',
  'messageContactCard',
  'messageReplyButton',
  'messageInteractiveList',
];

/**
 * The delivery a trigger's static sample shows: the documented body, and for a new message
 * one plain text message (the documented body carries a location, a contact card, reply
 * buttons and a list at once, which no real message does).
 */
export function sampleDelivery(event: string): DocumentedDelivery {
  const { payload } = documentedDelivery(event);
  if (event !== 'message_created') return { event, payload };
  return {
    event,
    payload: Object.fromEntries(
      Object.entries(payload).filter(([key]) => !RICH_MESSAGE_PARTS.includes(key)),
    ),
  };
}

/**
 * A webhook body as Callbell documents it (test/fixtures/webhook-events). Free of nock, so
 * the e2e tests, which use real HTTP, can read them too.
 */
export function documentedDelivery(event: string): DocumentedDelivery {
  const path = join(__dirname, '..', 'fixtures', 'webhook-events', `${event}.json`);
  return JSON.parse(readFileSync(path, 'utf8')) as DocumentedDelivery;
}

/**
 * One "Example Response" of Callbell's API reference, vendored in test/fixtures/callbell-docs
 * (its README says from which commit), e.g. `contacts_api/get_contact`: a fresh copy each time.
 */
export function docsExample(name: string): unknown {
  const path = join(__dirname, '..', 'fixtures', 'callbell-docs', `${name}.json`);
  return (JSON.parse(readFileSync(path, 'utf8')) as { body: unknown }).body;
}

/** The contact object as object_types/contact.md lists it (customFieldsMetadata aside). */
export const DOCUMENTED_CONTACT_KEYS = [
  'uuid',
  'name',
  'phoneNumber',
  'avatarUrl',
  'blockedAt',
  'createdAt',
  'source',
  'funnelId',
  'closedAt',
  'href',
  'conversationHref',
  'tags',
  'assignedUser',
  'customFields',
  'team',
  'channel',
  'bsuid',
  'note',
];
