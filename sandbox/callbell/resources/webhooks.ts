import { control, invalid, notFound, paginate, route, type Route } from '../http';
import { now } from '../ids';

// Docs named here are in callbellchat/callbell-public-docs, under docs/api/reference/.

// The events of webhooks/ (object_types/webhook.md lists the first seven). The sandbox keeps its own list rather
// than importing the app's: it stands in for Callbell, so a mistake in the app's list must
// not be mirrored here.
export const SUBSCRIBABLE_EVENTS = [
  'message_created',
  'message_status_updated',
  'contact_created',
  'contact_updated',
  'contact_deleted',
  'conversation_opened',
  'conversation_closed',
  'agent_status_updated',
  'agent_session_updated',
  'team_membership_updated',
] as const;

export type SandboxEvent = (typeof SUBSCRIBABLE_EVENTS)[number];

interface Webhook {
  url: string;
  subscriptions: SandboxEvent[];
  createdAt: string;
  enabled: boolean;
}

export interface Delivery {
  event: SandboxEvent;
  payload: Record<string, unknown>;
  response: { body: string; code: number; headers: Record<string, string> };
  success: boolean;
  createdAt: string;
}

/**
 * webhooks/introduction.md: Callbell checks the connection periodically and expects
 * `200 {"status":"ok"}`. The body it sends is undocumented; this is one guess.
 */
export const CONNECTION_CHECK_BODY = { type: 'connection_check' };

/**
 * The account's single webhook (webhooks_api/subscribe.md: one per account): subscribe
 * replaces it, unsubscribe removes it, and every event it is subscribed to is POSTed to its
 * URL as `{event, payload}` (webhooks/) and recorded in the delivery log (webhooks_api/events.md).
 */
export class WebhookHub {
  private webhook: Webhook | null = null;
  readonly log: Delivery[] = [];
  private readonly pending = new Set<Promise<void>>();

  subscribe(body: Record<string, unknown>): Webhook {
    const url = typeof body.url === 'string' ? body.url : '';
    const errors: Record<string, string[]> = {};
    let parsed: URL | null = null;
    // webhooks/introduction.md: a full URL with its protocol, and never localhost. Unlike
    // Callbell, 127.0.0.1 is accepted, so tests can receive deliveries.
    try {
      parsed = new URL(url);
    } catch {
      errors.url = ['must be a full URL including the protocol (https://…)'];
    }
    if (parsed && parsed.hostname === 'localhost') errors.url = ['localhost is not supported'];
    const subscriptions = Array.isArray(body.subscriptions) ? body.subscriptions : [];
    const unknown = subscriptions.filter(
      (event) => !(SUBSCRIBABLE_EVENTS as readonly unknown[]).includes(event),
    );
    if (!subscriptions.length) errors.subscriptions = ["can't be blank"];
    if (unknown.length)
      errors.subscriptions = unknown.map((event) => `${String(event)} is not a valid event`);
    if (Object.keys(errors).length) throw invalid(errors);
    this.webhook = {
      url,
      subscriptions: subscriptions as SandboxEvent[],
      createdAt: now(),
      enabled: true,
    };
    return this.webhook;
  }

  unsubscribe(): void {
    // 404 when there is none: the sandbox's assumption, not in Callbell's docs.
    if (!this.webhook) throw notFound('Webhook');
    this.webhook = null;
  }

  /** Where the account's webhook points now (for tests and the demo; Callbell has no such call). */
  current(): Webhook | null {
    return this.webhook;
  }

  emit(event: SandboxEvent, payload: Record<string, unknown>): void {
    const webhook = this.webhook;
    if (!webhook?.enabled || !webhook.subscriptions.includes(event)) return;
    this.track(this.deliver(webhook.url, event, payload));
  }

  /** A connection check: Callbell expects `200 {"status":"ok"}`; not recorded in the log. */
  async checkConnection(): Promise<number | null> {
    if (!this.webhook) return null;
    const response = await post(this.webhook.url, CONNECTION_CHECK_BODY);
    return response.code;
  }

  /** Resolves once every delivery started so far has been answered. */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  private async deliver(url: string, event: SandboxEvent, payload: Record<string, unknown>) {
    const response = await post(url, { event, payload });
    // object_types/webhook_event.md (success: a 200; here any 2xx). Newest first is the
    // sandbox's order.
    this.log.unshift({
      event,
      payload,
      response,
      success: response.code >= 200 && response.code < 300,
      createdAt: now(),
    });
  }

  private track(delivery: Promise<void>) {
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
  }
}

async function post(url: string, body: unknown): Promise<Delivery['response']> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'Callbell-Sandbox-Webhooks' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    return {
      body: await response.text(),
      code: response.status,
      headers: Object.fromEntries(response.headers),
    };
  } catch (error) {
    return { body: String(error), code: 0, headers: {} };
  }
}

export const webhookRoutes: Route[] = [
  // webhooks_api/subscribe.md
  route('POST', '/webhooks/subscribe', ({ hooks, body }) => ({ webhook: hooks.subscribe(body) })),
  // webhooks_api/unsubscribe.md
  route('DELETE', '/webhooks/unsubscribe', ({ hooks }) => {
    hooks.unsubscribe();
    return { status: 'webhook was destroyed' };
  }),
  // webhooks_api/events.md: filters by `subscriptions` and `status`, `items` a page.
  route('GET', '/webhooks/events', ({ hooks, query }) => {
    const events = query.get('subscriptions')?.split(',').filter(Boolean);
    const status = query.get('status');
    const items = Number(query.get('items') ?? 25) || 25;
    const log = hooks.log
      .filter((delivery) => !events || events.includes(delivery.event))
      .filter((delivery) => !status || (status === 'success') === delivery.success);
    const { items: webhook_events, meta } = paginate(log, query, items);
    return { webhook_events, meta };
  }),

  // Not Callbell's API: where the webhook points now, and a connection check on demand.
  control('GET', 'webhook', ({ hooks }) => ({ webhook: hooks.current() })),
  control('POST', 'connection-check', async ({ hooks }) => ({
    code: await hooks.checkConnection(),
  })),
];
