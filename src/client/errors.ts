import type { ZObject } from 'zapier-platform-core';
import { fitMessage, shorten } from '../user-message';
import { quote } from '../values';
import { isHtml, readErrorBody, type ErrorDetail } from './error-body';
import type { Redactor } from './redact';
import { MAX_REQUESTS_PER_STEP, STEP_BUDGET_MS } from './step';

/**
 * Every error a Zap author may see from a request, worded at the call site by `Subject` and
 * here by what happened. Each is a z.errors type, fits Zapier's 250 characters with its
 * advice intact, holds no form of the API key, and says what to do: a read can be tried
 * again; a write whose outcome is unknown is never re-sent, and the message says to check
 * Callbell before replaying it, so a customer never gets a message twice.
 */
export interface Subject {
  /** What the key was trying to do, for 403s and network failures: "send messages". */
  action: string;
  /** What a 404 means was not found: "contact with the phone number". */
  thing: string;
  /** The id, phone number or BSUID the request names, if any. */
  id?: string;
}

/** An answer from Callbell, read in full (the body within its size limit). */
export interface Answer {
  status: number;
  method: string;
  text: string;
  retryAfter: string | undefined;
  redact: Redactor;
}

/** Callbell answers 429 past 300 requests a second; without Retry-After we wait a minute. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/**
 * The longest wait asked of Zapier. Zapier's CLI docs ("Handling Throttled Requests") say a
 * throttled operation "will be repeatedly retried at the specified time"; the 300-second cap
 * and the single retry they add apply "for webhook processing only" (a hook trigger's perform).
 * Callbell's limit is per second (300 requests), so a Retry-After beyond five minutes is not
 * one its rate limit needs: actions wait at most that too, and a hook's perform is retried.
 */
const MAX_RETRY_AFTER_SECONDS = 300;

export const MAX_ANSWER_MB = 2;

const API_KEY_HELP =
  'Reconnect your Callbell account in Zapier with a valid key from Callbell → Settings → API settings.';

const READ_AGAIN = 'Try again in a few minutes.';

/** First words of every error after a write whose outcome this step cannot know. */
export const CHECK_BEFORE_REPLAY =
  'Check in Callbell whether this step took effect before replaying it:';

const WRITE_UNKNOWN = `${CHECK_BEFORE_REPLAY} it was not re-sent, so nothing is done twice.`;

/** How much of the field list Callbell names shows; its reason comes first. */
const MAX_FIELDS_TEXT = 100;

/** Codes of the errors after which Callbell may or may not have made a change. */
const OUTCOME_UNKNOWN = new Set([
  'CallbellUnreachable',
  'CallbellUnavailable',
  'CallbellUnreadableAnswer',
]);

/** The code of a z.errors error (core puts `{message, code, status}` in its message), else null. */
export function errorCodeOf(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  try {
    const { code } = JSON.parse(error.message) as { code?: unknown };
    return typeof code === 'string' ? code : null;
  } catch {
    return null;
  }
}

/** Whether this error leaves unknown whether Callbell made the change. */
export function isOutcomeUnknown(error: unknown): boolean {
  return OUTCOME_UNKNOWN.has(errorCodeOf(error) ?? '');
}

/** What to do after a request whose outcome is unknown. */
function retryAdvice(method: string): string {
  return isRead(method) ? READ_AGAIN : WRITE_UNKNOWN;
}

function isRead(method: string): boolean {
  return method.toUpperCase() === 'GET';
}

/** Turns a Callbell answer of 400 or above into an error a Zap author can act on. */
export function throwForCallbellStatus(z: ZObject, answer: Answer, about: Subject): void {
  if (answer.status < 400) return;
  throw callbellError(z, answer, about, readErrorBody(answer.text, answer.redact.text));
}

function callbellError(z: ZObject, answer: Answer, about: Subject, detail: ErrorDetail): Error {
  const { status, method } = answer;
  const safe = (text: string) => answer.redact.text(text);
  if (status === 401) {
    return expiredAuthError(z, unauthorizedMessage(detail));
  }
  if (status === 429) {
    const delay = retryAfterSeconds(answer.retryAfter);
    return new z.errors.ThrottledError(throttledMessage(delay), delay);
  }
  if (status >= 500) {
    const message = `${retryAdvice(method)} Callbell is temporarily unavailable (HTTP ${status}).`;
    return new z.errors.Error(message, 'CallbellUnavailable', status);
  }
  if (status === 403) {
    return new z.errors.Error(safe(forbiddenMessage(about, detail)), 'CallbellForbidden', status);
  }
  if (status === 404 && isHtml(answer.text)) {
    return unreadableAnswerError(z, answer, about, 'an HTML page');
  }
  if (status === 404) {
    return new z.errors.Error(safe(notFoundMessage(about, detail)), 'CallbellNotFound', status);
  }
  return new z.errors.Error(refusedMessage(status, detail), 'CallbellInvalidRequest', status);
}

/**
 * ExpiredAuthError makes Zapier ask for a reconnection. Unlike core's own z.errors.Error and
 * ThrottledError, whose constructors set `doNotContextify` (core src/errors.js), it is left
 * open to core's middleware (src/middleware.js, enrichErrorMessages), which appends "What
 * happened" and the whole message again: 580 characters and more, against the 250 a user
 * reads. Core documents no other way to keep a message whole, so the flag is set here, the
 * one place the app sets it, as core sets it on its own errors.
 */
function expiredAuthError(z: ZObject, message: string): Error {
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: the robustness project (not mutated) shows the trail this prevents.
  return Object.assign(new z.errors.ExpiredAuthError(message), { doNotContextify: true });
}

function unauthorizedMessage(detail: ErrorDetail): string {
  return fitMessage(
    `${API_KEY_HELP} Callbell rejected the API key (HTTP 401`,
    withDetail(detail),
    '): it may have been deleted, revoked or mistyped.',
  );
}

function throttledMessage(delay: number): string {
  return `Callbell is receiving too many requests from this account (HTTP 429). Zapier will try again in ${delay} seconds.`;
}

function forbiddenMessage({ action }: Subject, detail: ErrorDetail): string {
  return fitMessage(
    `Check the key's permissions and your Callbell plan, or use an administrator's key: Callbell does not allow this API key to ${action} (HTTP 403`,
    withDetail(detail),
    ').',
  );
}

function notFoundMessage({ thing, id }: Subject, detail: ErrorDetail): string {
  const which = id ? ` ${quote(id, 40)}` : '';
  return fitMessage(
    `Check that the value mapped into this step exists in your Callbell account: Callbell could not find the ${thing}${which} (HTTP 404`,
    withDetail(detail),
    ').',
  );
}

function refusedMessage(status: number, detail: ErrorDetail): string {
  const reason = (detail.message || 'no reason given').replace(/\.$/, '');
  const hints = HINTS.filter(({ when }) => when.test(detail.message)).map(({ hint }) => hint);
  const first = hints.length ? hints.join(' ') : 'Check the values mapped into this step.';
  const fields = shorten(detail.fields.join(', '), MAX_FIELDS_TEXT);
  const named = fields ? ` Check these fields: ${fields}.` : '';
  return fitMessage(
    `${first} Callbell refused the request (HTTP ${status}): `,
    reason,
    `.${named}`,
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

function withDetail(detail: ErrorDetail): string {
  return detail.message ? `: ${detail.message}` : '';
}

/** Retry-After is either seconds or an HTTP date; capped at Zapier's longest retry delay. */
export function retryAfterSeconds(header: string | undefined, now = Date.now()): number {
  return Math.min(MAX_RETRY_AFTER_SECONDS, readRetryAfter(header, now));
}

function readRetryAfter(header: string | undefined, now: number): number {
  if (!header) return DEFAULT_RETRY_AFTER_SECONDS;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Math.max(1, Number(trimmed));
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return DEFAULT_RETRY_AFTER_SECONDS;
  return Math.max(1, Math.ceil((date - now) / 1000));
}

/** A request that got no answer: a refused or reset connection. */
export function unreachableError(
  z: ZObject,
  method: string,
  about: Subject,
  failure: { type?: string; code?: string },
): Error {
  // Stryker disable next-line StringLiteral: node-fetch's FetchError always has a type.
  const reason = shorten(failure.code ?? failure.type ?? 'connection failed', 30);
  return new z.errors.Error(
    fitMessage(
      `${retryAdvice(method)} Callbell could not be reached (${reason}) while trying to `,
      about.action,
      '.',
    ),
    'CallbellUnreachable',
  );
}

/** The request failed before it left (core or node refused it): nothing reached Callbell. */
export function notSentError(z: ZObject, about: Subject, reason: string): Error {
  return new z.errors.Error(
    fitMessage(
      `Replay this step; if it fails again, report it to the maintainers of this integration. The request to `,
      about.action,
      ` could not be sent (${shorten(reason, 30)}), so nothing reached Callbell.`,
    ),
    'RequestNotSent',
  );
}

/**
 * Connection codes that prove the request never left this machine: no address for the host, or
 * no connection to it. A reset or timed-out connection may have delivered it, so those are
 * CallbellUnreachable (outcome unknown).
 */
const NEVER_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

export function neverConnected(code: string | undefined): code is string {
  return code !== undefined && NEVER_CONNECTED.has(code);
}

/** No connection could be made: the request was not sent, so a replay does nothing twice. */
export function notConnectedError(z: ZObject, about: Subject, code: string): Error {
  return new z.errors.Error(
    fitMessage(
      `Replay this step in a few minutes: Callbell could not be reached (${code}), so the request to `,
      about.action,
      ' was not sent.',
    ),
    'RequestNotSent',
  );
}

/** The step's time ran out while a request was under way (headers or body). */
export function timedOutError(z: ZObject, method: string, about: Subject): Error {
  return new z.errors.Error(
    fitMessage(
      `${retryAdvice(method)} Callbell did not answer within ${STEP_BUDGET_MS / 1000} seconds while trying to `,
      about.action,
      '.',
    ),
    'CallbellUnreachable',
  );
}

/** The step's time was used up before this request could be sent: it was not sent. */
export function noTimeLeftError(z: ZObject, about: Subject): Error {
  return new z.errors.Error(
    fitMessage(
      `Replay this step in a few minutes: Callbell's earlier answers used up its ${STEP_BUDGET_MS / 1000} seconds, so the request to `,
      about.action,
      ' was not sent.',
    ),
    // Not CallbellUnreachable (outcome unknown): nothing was sent, so a replay is safe.
    'RequestNotSent',
  );
}

export function tooManyRequestsError(z: ZObject, method: string, about: Subject): Error {
  const advice = isRead(method)
    ? 'Try again; if it persists, report it to the maintainers of this integration.'
    : 'Check in Callbell what was done before replaying this step.';
  return new z.errors.Error(
    fitMessage(
      `This step needed more than ${MAX_REQUESTS_PER_STEP} requests to `,
      about.action,
      `, more than it ever should, and stopped. ${advice}`,
    ),
    'TooManyRequests',
  );
}

/** A 2xx (or 3xx) this app cannot read: never "not found", never silently "done". */
export function unreadableAnswerError(
  z: ZObject,
  answer: Pick<Answer, 'status' | 'method'>,
  about: Subject,
  what: string,
): Error {
  const { status, method } = answer;
  const message = isRead(method)
    ? fitMessage(
        `${READ_AGAIN} Callbell answered (HTTP ${status}) with ${what}, not the JSON it documents, so this step could not read it to `,
        about.action,
        '; nothing was changed.',
      )
    : fitMessage(
        `${CHECK_BEFORE_REPLAY} Callbell answered (HTTP ${status}) with ${what}, not the JSON it documents, so it is unknown whether it managed to `,
        about.action,
        '.',
      );
  return new z.errors.Error(message, 'CallbellUnreadableAnswer', status);
}

export function tooLargeError(
  z: ZObject,
  answer: Pick<Answer, 'status' | 'method'>,
  about: Subject,
): Error {
  return unreadableAnswerError(z, answer, about, `more than ${MAX_ANSWER_MB} MB`);
}

/** Redirects are not followed: a write must not be sent twice, nor the key to another host. */
export function redirectError(z: ZObject, answer: Answer, about: Subject): Error {
  return unreadableAnswerError(z, answer, about, 'a redirect to another address');
}
