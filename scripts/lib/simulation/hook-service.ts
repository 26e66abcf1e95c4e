import type { Prng } from './prng';

/** Who posted to a hook URL: Callbell's webhook, the app (a forward) or an attacker. */
export type Sender = 'callbell' | 'app' | 'forger';

export interface HookRequest {
  /** The URL's path, which names the Zap. */
  path: string;
  query: Record<string, string>;
  /** Lower-case names, as Node gives them. */
  headers: Record<string, string>;
  /** The body as sent. */
  text: string;
  sender: Sender;
}

export interface HookAnswer {
  status: number;
  body: object;
}

/** A Zap as the hook service sees it. */
export interface HookTarget {
  state: 'new' | 'on' | 'off' | 'deleted';
}

/** What Zapier's hook service received, and how it answered. */
export interface HookPost<Zap> {
  zap: Zap | undefined;
  request: HookRequest;
  status: number;
}

/** Zapier's hook service: about 30 requests a second per URL (operating-constraints.md). */
export const REQUESTS_PER_SECOND = 30;

/**
 * Zapier's hook service (hooks.zapier.com): each Zap's URL accepts POSTs while the Zap is on,
 * answers 410 Gone once it is off or deleted ("If your app receives a 410 response, that
 * webhook subscription is no longer active", docs/_build/triggers/hook-trigger.md), answers
 * 429 over its rate limit or at random when told to, and otherwise answers 200 at once and
 * queues a run of the Zap, as Zapier does.
 */
export class HookService<Zap extends HookTarget> {
  /** Chance that a POST from the app is answered 429 whatever the rate. */
  throttleRate = 0;
  readonly posts: HookPost<Zap>[] = [];
  private readonly accepted = new Map<string, number[]>();

  constructor(
    private readonly random: Prng,
    private readonly zapAt: (path: string) => Zap | undefined,
    private readonly queueRun: (zap: Zap, request: HookRequest) => void,
  ) {}

  receive(request: HookRequest): HookAnswer {
    const zap = this.zapAt(request.path);
    const answer = this.answer(zap, request);
    this.posts.push({ zap, request, status: answer.status });
    return answer;
  }

  private answer(zap: Zap | undefined, request: HookRequest): HookAnswer {
    if (!zap) return { status: 404, body: { status: 'not found' } };
    if (zap.state !== 'on') return { status: 410, body: { status: 'gone' } };
    if (
      request.sender === 'app' &&
      (this.overLimit(request.path) || this.random.chance(this.throttleRate))
    )
      return { status: 429, body: { status: 'throttled' } };
    this.queueRun(zap, request);
    return { status: 200, body: { status: 'success', request_id: this.random.hex(16) } };
  }

  private overLimit(path: string): boolean {
    const now = Date.now();
    const recent = (this.accepted.get(path) ?? []).filter((at) => at > now - 1_000);
    const over = recent.length >= REQUESTS_PER_SECOND;
    if (!over) recent.push(now);
    this.accepted.set(path, recent);
    return over;
  }
}

/**
 * The request as a hook trigger's perform sees it: `cleanedRequest` is the parsed JSON body
 * with the query string beside it (as the sandbox's stand-in and Zapier's REST-hook runs give
 * it), `rawRequest` the raw parts, headers prefixed `Http-` and Camel-Cased except
 * Content-Type and Content-Length (docs/_reference/cli-docs.md, bundle.rawRequest).
 */
export function requestBundle(request: HookRequest): {
  cleanedRequest: unknown;
  rawRequest: object;
} {
  let parsed: unknown = request.text;
  try {
    parsed = JSON.parse(request.text) as unknown;
  } catch {
    // Not JSON: Zapier hands the text as it came.
  }
  const cleanedRequest =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? { ...parsed, querystring: request.query }
      : parsed;
  return {
    cleanedRequest,
    rawRequest: {
      method: 'POST',
      querystring: new URLSearchParams(request.query).toString(),
      headers: Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [zapierHeaderName(name), value]),
      ),
      content: request.text,
    },
  };
}

function zapierHeaderName(name: string): string {
  const camel = name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join('-');
  return camel === 'Content-Type' || camel === 'Content-Length' ? camel : `Http-${camel}`;
}
