import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Account } from './account';
import type { SandboxQuirks } from './quirks';
import type { WebhookHub } from './resources/webhooks';

// ---- routes ----------------------------------------------------------------------------

export interface RouteContext {
  params: string[];
  query: URLSearchParams;
  body: Record<string, unknown>;
  account: Account;
  hooks: WebhookHub;
  /** The key the request was made with (Callbell echoes it from /auth/me). */
  apiKey: string;
  /** Which reading of Callbell's docs to answer by, where they allow several. */
  quirks: SandboxQuirks;
}

export interface Route {
  method: string;
  path: RegExp;
  handle: (context: RouteContext) => unknown;
  /** A /_sandbox/ route: no key, no rate limit, not counted in `requests`. */
  control?: true;
}

const ID = '([^/]+)';

/** A route of Callbell's API v1; `:id` stands for one path segment. */
export const route = (method: string, path: string, handle: Route['handle']): Route => ({
  method,
  path: new RegExp(`^/v1${path.replaceAll(':id', ID)}$`),
  handle,
});

/**
 * A route that is not Callbell's, to play by hand (`npm run sandbox`) the customer, the
 * WhatsApp provider or a collaborator, whose actions Callbell only reports. Tests and scripts
 * call the Account's methods instead.
 */
export const control = (method: string, name: string, handle: Route['handle']): Route => ({
  method,
  path: new RegExp(`^/_sandbox/${name}$`),
  handle,
  control: true,
});

// ---- errors ----------------------------------------------------------------------------

/**
 * A refusal answered the way Callbell does: an HTTP status and a JSON body. Callbell documents
 * the status codes (docs/api/reference/errors.md in callbellchat/callbell-public-docs), not
 * the bodies: these are the sandbox's own.
 */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(JSON.stringify(body));
  }
}

export const notFound = (what: string) => new SandboxError(404, { error: `${what} not found` });

export const invalid = (errors: Record<string, string[]>) => new SandboxError(422, { errors });

export const badRequest = (error: string) => new SandboxError(400, { error });

// docs/api/reference/authorization.md: every request carries `Authorization: Bearer <key>`.
export const unauthorized = () => new SandboxError(401, { error: 'Unauthorized' });

export const noSuchRoute = () => new SandboxError(404, { error: 'Not found' });

// docs/api/reference/rate_limits.md: 429 Too Many Requests past the limit. Retry-After is
// the sandbox's own: Callbell documents no such header.
export const tooManyRequests = (retryAfter: number) =>
  new SandboxError(429, { error: 'Too Many Requests' }, { 'Retry-After': String(retryAfter) });

// ---- pagination ------------------------------------------------------------------------

/** Callbell does not document a page size; 25 is the sandbox's. */
const PAGE_SIZE = 25;

/**
 * One page of a list, from the `page` query parameter (1 when absent), with
 * `meta: {page, pages}` as in docs/api/reference/channels_api/get_channels.md and
 * teams_api/get_teams.md.
 */
export function paginate<T>(items: T[], query: URLSearchParams, size = PAGE_SIZE) {
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  const pages = Math.max(1, Math.ceil(items.length / size));
  return { items: items.slice((page - 1) * size, page * size), meta: { page, pages } };
}

// ---- JSON in and out (docs/api/reference/format_and_headers.md) ------------------------

const MAX_BODY_BYTES = 1_000_000;

export async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw badRequest('request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new Error('not an object');
    return body as Record<string, unknown>;
  } catch {
    throw badRequest('request body must be a JSON object');
  }
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}
