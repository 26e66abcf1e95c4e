import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DocumentedDelivery {
  event: string;
  payload: Record<string, unknown>;
}

/**
 * A webhook body as Callbell documents it (test/fixtures/webhook-events). Free of nock, so
 * the e2e tests, which use real HTTP, can read them too.
 */
export function documentedDelivery(event: string): DocumentedDelivery {
  const path = join(__dirname, '..', 'fixtures', 'webhook-events', `${event}.json`);
  return JSON.parse(readFileSync(path, 'utf8')) as DocumentedDelivery;
}
