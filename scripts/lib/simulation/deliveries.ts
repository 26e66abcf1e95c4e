import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallbellEvent } from './callbell';
import type { Prng } from './prng';

export interface DeliveryBody {
  event: CallbellEvent;
  payload: Record<string, unknown>;
}

/** Callbell's documented webhook bodies (test/fixtures/webhook-events), from scripts or dist. */
function fixturesDir(): string {
  const candidates = [
    join(__dirname, '..', '..', '..', 'test', 'fixtures', 'webhook-events'),
    join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'webhook-events'),
  ];
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error('test/fixtures/webhook-events not found');
  return found;
}

const documented = new Map<CallbellEvent, DeliveryBody>();

function documentedBody(event: CallbellEvent): DeliveryBody {
  let body = documented.get(event);
  if (!body) {
    body = JSON.parse(readFileSync(join(fixturesDir(), `${event}.json`), 'utf8')) as DeliveryBody;
    documented.set(event, body);
  }
  return body;
}

/**
 * Callbell's documented body for this event, made unique by a marker in the fields that name
 * what it is about (the contact's, message's or team's uuid, the user's email), which every
 * trigger hands its Zap: the marker in a Zap's output says which delivery it received.
 */
export function markedDelivery(event: CallbellEvent, marker: string): DeliveryBody {
  const payload = structuredClone(documentedBody(event).payload);
  mark(payload, 'uuid', marker);
  mark(payload, 'email', `${marker}@sim.example`);
  for (const nested of ['contact', 'user', 'team']) {
    const part = payload[nested];
    if (typeof part === 'object' && part !== null) {
      mark(part as Record<string, unknown>, 'uuid', marker);
      mark(part as Record<string, unknown>, 'email', `${marker}@sim.example`);
    }
  }
  return { event, payload };
}

function mark(record: Record<string, unknown>, key: string, value: string): void {
  if (typeof record[key] === 'string') record[key] = value;
}

/** How many of a Zap's output items hold this marker. */
export function itemsHolding(items: unknown[], marker: string): number {
  return items.filter((item) => JSON.stringify(item).includes(marker)).length;
}

/** What every real delivery's marker looks like; a forgery's never does. */
export const DELIVERY_MARKER = /sim[0-9a-f]{10}x/;

export function deliveryMarker(random: Prng): string {
  return `sim${random.hex(10)}x`;
}

export function forgeryMarker(random: Prng): string {
  return `forged${random.hex(10)}x`;
}
