import type { HttpResponse, ZObject } from 'zapier-platform-core';
import { REQUEST_TIMEOUT_MS } from './config';
import { readErrorBody, type ErrorDetail } from './error-body';

/** What a request is about, worded by its caller for the errors a Zap author may see. */
export interface Subject {
  /** What the key was trying to do, for 403s and network failures: "send messages". */
  action: string;
  /** What a 404 means was not found: "contact with the phone number". */
  thing: string;
  /** The id, phone number or BSUID the request names, if any. */
  id?: string;
}

/** Callbell answers 429 past 300 requests a second; without Retry-After we wait a minute. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

const API_KEY_HELP =
  'Reconnect your Callbell account in Zapier with a valid key from Callbell → Settings → API settings.';

/**
 * Zapier cuts integration errors at 250 characters ("keep the message below 250 characters
 * total", platform docs: manage/error-handling). Every message therefore starts with what to
 * do, and Callbell's own words (which may be long) are shortened to what fits.
 */
export const MAX_ERROR_LENGTH = 250;

/** A message built around Callbell's detail, the detail cut so the whole fits. */
function fitted(build: (detail: string) => string, detail: string): string {
  const room = MAX_ERROR_LENGTH - build('x').length + 1;
  if (detail.length <= room) return build(detail);
  if (room < 12) return build('').slice(0, MAX_ERROR_LENGTH);
  return build(`${detail.slice(0, room - 1).trimEnd()}…`);
}

interface FailedRequest {
  status: number;
  method: string;
  about: Subject;
  detail: ErrorDetail;
  retryAfter: string | undefined;
}

/** Turns a Callbell answer of 400 or above into an error a Zap author can act on. */
export function throwForCallbellStatus(z: ZObject, response: HttpResponse, about: Subject): void {
  if (response.status < 400) return;
  const failure: FailedRequest = {
    status: response.status,
    method: (response.request.method ?? 'GET').toUpperCase(),
    about,
    detail: redact(readErrorBody(safeContent(response)), sentApiKey(response)),
    retryAfter: response.getHeader('retry-after'),
  };
  throw callbellError(z, failure);
}

/** A request that got no answer: a refused or reset connection, or no answer in time. */
export function networkError(
  z: ZObject,
  method: string,
  about: Subject,
  failure: { type?: string; code?: string },
): Error {
  const what =
    failure.type === 'request-timeout'
      ? `did not answer within ${REQUEST_TIMEOUT_MS / 1000} seconds`
      : `could not be reached (${failure.code ?? failure.type ?? 'connection failed'})`;
  return new z.errors.Error(
    `${retryAdvice(method)} Callbell ${what} while trying to ${about.action}.`,
    'CallbellUnreachable',
  );
}

/**
 * What to do after a request whose outcome is unknown. A read can simply be tried again; a
 * write is never re-sent automatically, so a customer never gets a message twice.
 */
function retryAdvice(method: string): string {
  return method === 'GET'
    ? 'Try again in a few minutes.'
    : 'Check in Callbell whether it took effect before replaying this step: it was not re-sent, so nothing is done twice.';
}

function callbellError(z: ZObject, failure: FailedRequest): Error {
  const { status } = failure;
  if (status === 401) return new z.errors.ExpiredAuthError(unauthorizedMessage(failure));
  if (status === 429) {
    const delay = retryAfterSeconds(failure.retryAfter);
    return new z.errors.ThrottledError(throttledMessage(delay), delay);
  }
  if (status >= 500) {
    return new z.errors.Error(unavailableMessage(failure), 'CallbellUnavailable', status);
  }
  if (status === 403) {
    return new z.errors.Error(forbiddenMessage(failure), 'CallbellForbidden', status);
  }
  if (status === 404) {
    return new z.errors.Error(notFoundMessage(failure), 'CallbellNotFound', status);
  }
  return new z.errors.Error(refusedMessage(failure), 'CallbellInvalidRequest', status);
}

function unauthorizedMessage({ detail }: FailedRequest): string {
  return fitted(
    (text) =>
      `${API_KEY_HELP} Callbell rejected the API key (HTTP 401${withDetail(text)}): it may have been deleted, revoked or mistyped.`,
    detail.message,
  );
}

function throttledMessage(delay: number): string {
  return `Callbell is receiving too many requests from this account (HTTP 429). Zapier will try again in ${delay} seconds.`;
}

function unavailableMessage({ status, method }: FailedRequest): string {
  return `${retryAdvice(method)} Callbell is temporarily unavailable (HTTP ${status}).`;
}

function forbiddenMessage({ about, detail }: FailedRequest): string {
  return fitted(
    (text) =>
      `Check the key's permissions and your Callbell plan, or use an administrator's key: Callbell does not allow this API key to ${about.action} (HTTP 403${withDetail(text)}).`,
    detail.message,
  );
}

function notFoundMessage({ about, detail }: FailedRequest): string {
  const { thing, id } = about;
  const which = id ? ` "${id}"` : '';
  return fitted(
    (text) =>
      `Check that the value mapped into this step exists in your Callbell account: Callbell could not find the ${thing}${which} (HTTP 404${withDetail(text)}).`,
    detail.message,
  );
}

function refusedMessage({ status, detail }: FailedRequest): string {
  const fields = detail.fields.length ? ` Check these fields: ${detail.fields.join(', ')}.` : '';
  const hints = HINTS.filter(({ when }) => when.test(detail.message)).map(({ hint }) => hint);
  const first = hints.length ? hints.join(' ') : 'Check the values mapped into this step.';
  return fitted(
    (reason) =>
      `${first} Callbell refused the request (HTTP ${status}): ${reason || 'no reason given'}.${fields}`,
    detail.message.replace(/\.$/, ''),
  );
}

/** What to do about the refusals Zap authors meet most, recognised by Callbell's wording. */
const HINTS: readonly { when: RegExp; hint: string }[] = [
  {
    when: /24.?h|24 hours|window|re-?engagement|template (message )?(is )?required/i,
    hint: "Use the Send Template Message action instead: WhatsApp allows free-form messages only within 24 hours of the contact's last message.",
  },
  {
    when: /tag/i,
    hint: 'Create the tags in Callbell first (Settings → Tags).',
  },
  {
    when: /custom.?field/i,
    hint: 'Create custom fields in Callbell first (Settings → Custom fields) and match their type: dates as YYYY-MM-DD, numbers as digits.',
  },
  {
    when: /opt.?in/i,
    hint: 'Set Contact Opted In to Yes: template messages need the contact opted in.',
  },
];

function withDetail(detail: string): string {
  return detail ? `: ${detail}` : '';
}

/** Retry-After is either seconds or an HTTP date. */
export function retryAfterSeconds(header: string | undefined, now = Date.now()): number {
  if (!header) return DEFAULT_RETRY_AFTER_SECONDS;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Math.max(1, parseInt(trimmed, 10));
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return DEFAULT_RETRY_AFTER_SECONDS;
  return Math.max(1, Math.ceil((date - now) / 1000));
}

/** An error body that echoes the API key must not carry it into Zapier's task history. */
function redact(detail: ErrorDetail, apiKey: string | undefined): ErrorDetail {
  if (!apiKey) return detail;
  return { ...detail, message: detail.message.split(apiKey).join('[API key]') };
}

function sentApiKey(response: HttpResponse): string | undefined {
  const authorization = response.request.headers?.Authorization ?? '';
  return authorization.replace(/^Bearer\s+/i, '') || undefined;
}

function safeContent(response: HttpResponse): string {
  try {
    return response.content;
  } catch {
    return '';
  }
}
