import {
  SUBSCRIBABLE_EVENTS,
  type Delivery as LoggedDelivery,
  type SandboxEvent,
} from '../../../sandbox/callbell/resources/webhooks';
import type { Prng } from './prng';

// Docs named here are in callbellchat/callbell-public-docs, under docs/api/reference/.

/** Every event Callbell delivers: the sandbox's list, which stands in for Callbell's docs. */
export const CALLBELL_EVENTS = SUBSCRIBABLE_EVENTS;
export type CallbellEvent = SandboxEvent;

export interface Webhook {
  url: string;
  subscriptions: CallbellEvent[];
  createdAt: string;
  enabled: boolean;
}

/** How Callbell's API misbehaves, per request. */
export interface CallbellFaults {
  /** 500 before anything changed. */
  failRate: number;
  /** The change is made, then the answer is lost (502): the caller cannot tell. */
  lostAnswerRate: number;
  /** The answer comes after `slowMs`. */
  slowRate: number;
  slowMs: number;
}

export const NO_CALLBELL_FAULTS: CallbellFaults = {
  failRate: 0,
  lostAnswerRate: 0,
  slowRate: 0,
  slowMs: 0,
};

export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: unknown;
}

export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** webhooks/introduction.md: a webhook whose checks fail for 6 hours is disabled. */
const DISABLED_AFTER_MS = 6 * 60 * 60 * 1000;

/** The account user's identity, the same whichever of its keys asks (auth_api/me.md). */
const ACCOUNT_USER = { user_email: 'owner@shop.example', user_name: 'Shop Owner' };

/** Where a delivery was posted, and what the receiver answered (its HTTP status). */
export type Post = (url: string, text: string) => number;

/**
 * One Callbell account as its API answers the app: any of its keys acts on the account's one
 * webhook (webhooks_api/subscribe.md: "Each account can only register 1 webhook"), which
 * subscribe creates or replaces and unsubscribe removes. Calls the app was not expected to
 * make are answered 404 and listed in `unmodelled`.
 */
export class CallbellAccount {
  webhook: Webhook | null = null;
  faults: CallbellFaults = { ...NO_CALLBELL_FAULTS };
  /** Since when the webhook's connection checks have failed, if they do. */
  private failingSince: number | null = null;
  readonly unmodelled: string[] = [];
  /** Newest first, as the sandbox answers it. */
  readonly log: LoggedDelivery[] = [];
  private readonly keys = new Map<string, 'valid' | 'revoked'>();
  /** The account's channels (channels_api/get_channels.md), the same whichever key asks. */
  private readonly channels: object[];

  constructor(
    private readonly random: Prng,
    /** Told each time the webhook is deleted. */
    private readonly onDelete: () => void,
  ) {
    this.channels = [
      {
        uuid: random.hex(32),
        title: 'Shop WhatsApp',
        type: 'whatsapp',
        main: true,
        discardedAt: null,
      },
      {
        uuid: random.hex(32),
        title: 'Shop Instagram',
        type: 'instagram',
        main: false,
        discardedAt: null,
      },
    ];
  }

  /**
   * An event happens: Callbell posts `{event, payload}` to the webhook's URL if it is
   * subscribed to the event, and logs the delivery with the receiver's answer.
   */
  deliver(event: CallbellEvent, payload: Record<string, unknown>, post: Post): void {
    const webhook = this.webhook;
    if (!webhook?.enabled || !webhook.subscriptions.includes(event)) return;
    const code = post(webhook.url, JSON.stringify({ event, payload }));
    this.log.unshift({
      event,
      payload,
      response: { body: '', code, headers: {} },
      success: code >= 200 && code < 300,
      createdAt: new Date().toISOString(),
    });
  }

  /**
   * One of the connection checks Callbell makes "periodically" after a subscribe, through the
   * webhook (webhooks/introduction.md): "If it does not respond for 6 hours, the webhook
   * subscription will be disabled". The check's body is not documented; an empty object is
   * no event to any reader. Answers the receiver's status, or null when there is no webhook.
   */
  checkConnection(post: Post): number | null {
    const webhook = this.webhook;
    if (!webhook?.enabled) return null;
    const code = post(webhook.url, '{}');
    const now = Date.now();
    if (code >= 200 && code < 300) this.failingSince = null;
    else this.failingSince ??= now;
    if (this.failingSince !== null && now - this.failingSince >= DISABLED_AFTER_MS)
      webhook.enabled = false;
    return code;
  }

  addKey(key: string): void {
    this.keys.set(key, 'valid');
  }

  revokeKey(key: string): void {
    this.keys.set(key, 'revoked');
  }

  async answer(request: ApiRequest): Promise<ApiAnswer> {
    if (this.random.chance(this.faults.slowRate)) await pause(this.faults.slowMs);
    const key = request.authorization?.replace(/^Bearer /, '') ?? '';
    if (this.keys.get(key) !== 'valid') return { status: 401, body: { error: 'Unauthorized' } };
    if (this.random.chance(this.faults.failRate))
      return { status: 500, body: { error: 'Internal Server Error' } };
    const answer = this.handle(request, key);
    if (this.random.chance(this.faults.lostAnswerRate))
      return { status: 502, body: '<html>Bad Gateway</html>' };
    return answer;
  }

  private handle({ method, path, query, body }: ApiRequest, key: string): ApiAnswer {
    const route = `${method} ${path.replace(/^\/v1/, '')}`;
    if (route === 'POST /webhooks/subscribe') return this.subscribe(body);
    if (route === 'DELETE /webhooks/unsubscribe') return this.unsubscribe();
    if (route === 'GET /auth/me')
      return { status: 200, body: { status: 'ok', ...ACCOUNT_USER, api_key: key } };
    if (route === 'GET /webhooks/events') return this.deliveryLog(query);
    if (route === 'GET /channels')
      return { status: 200, body: { channels: this.channels, meta: { page: 1, pages: 1 } } };
    this.unmodelled.push(route);
    return { status: 404, body: { error: 'Not found' } };
  }

  /** webhooks_api/subscribe.md; the checks are webhooks/introduction.md's. */
  private subscribe(body: unknown): ApiAnswer {
    const { url, subscriptions } = (body ?? {}) as { url?: unknown; subscriptions?: unknown };
    const events = Array.isArray(subscriptions) ? subscriptions : [];
    const valid =
      typeof url === 'string' &&
      /^https?:\/\/[^/]+/.test(url) &&
      events.length > 0 &&
      events.every((event) => (CALLBELL_EVENTS as readonly unknown[]).includes(event));
    if (!valid) return { status: 422, body: { errors: { subscriptions: ['is invalid'] } } };
    this.webhook = {
      url: url as string,
      subscriptions: events as CallbellEvent[],
      createdAt: new Date().toISOString(),
      enabled: true,
    };
    this.failingSince = null;
    return { status: 200, body: { webhook: this.webhook } };
  }

  /** webhooks_api/events.md: filtered by `subscriptions` and `status`, `items` a page. */
  private deliveryLog(query: URLSearchParams): ApiAnswer {
    const events = query.get('subscriptions')?.split(',').filter(Boolean);
    const status = query.get('status');
    const items = Number(query.get('items')) || 25;
    const page = Number(query.get('page')) || 1;
    const matching = this.log
      .filter((delivery) => !events || events.includes(delivery.event))
      .filter((delivery) => !status || (status === 'success') === delivery.success);
    return {
      status: 200,
      body: {
        webhook_events: matching.slice((page - 1) * items, page * items),
        meta: { page, pages: Math.max(1, Math.ceil(matching.length / items)) },
      },
    };
  }

  /** webhooks_api/unsubscribe.md; 404 when there is none is the sandbox's reading. */
  private unsubscribe(): ApiAnswer {
    if (!this.webhook) return { status: 404, body: { error: 'Webhook not found' } };
    this.webhook = null;
    this.onDelete();
    return { status: 200, body: { status: 'webhook was destroyed' } };
  }
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
