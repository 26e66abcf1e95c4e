import { setTimeout as sleep } from 'node:timers/promises';
import { CALLBELL_EVENTS } from '../../../src/webhooks/events';
import { isObject } from '../../../src/values';
import { isSuccess, listIn, statusText, verdictFrom } from './answers';
import { row, verdictOf, type Change, type Row } from './report';
import { exchangeOf, type Session } from './session';

// Docs named in rows are in callbellchat/callbell-public-docs, under docs/api/reference/.

/** Said before anything else: what --webhook does to the account's one webhook. */
export const WEBHOOK_WARNING =
  "Point the account's webhook at the URL you gave, for every event, and remove it at the end. Callbell keeps ONE webhook per account and cannot show where it points: a webhook set up now (by a Zap or by hand) is replaced and will NOT be restored.";

const DELIVERY_TRIES = 3;

/** Turns a hook on as a New Event Zap would, for every event the app offers. */
export async function subscribe(session: Session, url: string): Promise<Row> {
  const outcome = await session.run(
    session.step('triggers', 'new_event', 'performSubscribe'),
    { events: [...CALLBELL_EVENTS] },
    { targetUrl: url },
  );
  const answer = exchangeOf(outcome, 'POST', /^\/webhooks\/subscribe$/);
  const webhook =
    isObject(answer?.body) && isObject(answer.body.webhook) ? answer.body.webhook : {};
  const listed = Array.isArray(webhook.subscriptions) ? webhook.subscriptions.length : 'no';
  return row(
    'webhooks.subscribe',
    'webhooks_api/subscribe.md, object_types/webhook.md (its enum lacks the agent and team events)',
    `POST /webhooks/subscribe takes all ${CALLBELL_EVENTS.length} events the app offers as a JSON array, agent_status_updated, agent_session_updated and team_membership_updated included`,
    `${statusText(answer)}; the answer lists ${listed} subscriptions${outcome.error ? `; ${outcome.error}` : ''}`,
    verdictFrom(answer, isSuccess(answer) && !outcome.error),
  );
}

/** What the writes caused, as the delivery log shows it; then the webhook is removed. */
export async function afterWrites(
  session: Session,
  url: string,
): Promise<{ rows: Row[]; change: Change }> {
  const rows: Row[] = [];
  const assumes =
    'events the writes caused are delivered and logged in GET /webhooks/events as {event, payload: {...}}: the Test trigger maps the payload';
  let events: ReturnType<typeof listIn> = null;
  let answered = '';
  // Deliveries may take a moment to be logged: a few tries, a second apart.
  for (let attempt = 1; attempt <= DELIVERY_TRIES && !events?.length; attempt += 1) {
    if (attempt > 1) await sleep(1000);
    const log = await session.raw({
      method: 'GET',
      path: '/webhooks/events',
      params: { page: '1' },
    });
    events = listIn(log.body, 'webhook_events');
    answered = `${statusText(log)}; ${events?.length ?? 'no'} events`;
  }
  const withPayload = (events ?? []).filter((entry) => isObject(entry.payload));
  rows.push(
    row(
      'webhooks.deliveries',
      'webhooks_api/events.md, object_types/webhook_event.md (payload shown as a string)',
      assumes,
      `${answered}, ${withPayload.length} with an object payload`,
      events?.length ? verdictOf(withPayload.length === events.length) : 'could not tell',
    ),
    row(
      'webhooks.connection-check',
      'webhooks/introduction.md (method and body undocumented)',
      'Callbell\'s connection check is not an event: a Zap ignores it, answering 200 {"status": "ok"}',
      'the check goes to the URL you gave, not to this script: look there for what arrived',
      'could not tell',
    ),
  );
  // As Zapier turns a Zap off: the Zap's own URL, so the app knows which Zap leaves.
  const removed = await session.run(
    session.step('triggers', 'new_event', 'performUnsubscribe'),
    { events: [...CALLBELL_EVENTS] },
    { targetUrl: url, subscribeData: { id: url, url } },
  );
  // Now the account surely has no webhook: what the Test trigger meets on a fresh account.
  const empty = await session.raw({
    method: 'GET',
    path: '/webhooks/events',
    params: { page: '1' },
  });
  rows.push(
    row(
      'webhooks.log-without-webhook',
      'webhooks_api/events.md (says nothing of an account without a webhook)',
      'with no webhook, GET /webhooks/events still answers 200 {webhook_events: [...]}: the Test trigger then falls back to recent records',
      removed.error
        ? `not tried: removing the webhook failed`
        : `${statusText(empty)}; ${listIn(empty.body, 'webhook_events')?.length ?? 'no'} events`,
      removed.error
        ? 'could not tell'
        : verdictFrom(empty, isSuccess(empty) && listIn(empty.body, 'webhook_events') !== null),
    ),
  );
  return {
    rows,
    change: {
      what: "pointed the account's webhook at the URL given",
      restored: false,
      note: removed.error
        ? `removing it failed: ${removed.error}; remove it in Callbell`
        : 'removed; a webhook the account had before is not restored: Callbell cannot show it',
    },
  };
}
