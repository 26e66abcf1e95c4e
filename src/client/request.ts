import type { HttpRequestOptions, RawHttpResponse, ZObject } from 'zapier-platform-core';
import { shorten } from '../user-message';
import { isDeeperThan, isObject, type JsonObject } from '../values';
import { apiUrl } from './config';
import { isHtml } from './error-body';
import {
  MAX_ANSWER_MB,
  redirectError,
  throwForCallbellStatus,
  timedOutError,
  noTimeLeftError,
  tooLargeError,
  tooManyRequestsError,
  neverConnected,
  notConnectedError,
  notSentError,
  unreachableError,
  unreadableAnswerError,
  type Answer,
  type Subject,
} from './errors';
import { hasLoneSurrogate, unsafePathSegment } from './path';
import { redactor } from './redact';
import { stepOf } from './step';
import { single } from './unwrap';

export type { Subject };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue = string | number | boolean | undefined;

/** What a documented answer carries: without it, the answer is unreadable, never "nothing". */
export interface Expected {
  /** The answer's key, e.g. "contact". */
  key: string;
  /** A record (an object, or a one-element list as Callbell sometimes sends), a list, or any value. */
  as: 'record' | 'list' | 'value';
}

export interface CallbellRequest {
  method?: HttpMethod;
  /** API path below the base URL, e.g. `/contacts`; ids go in through `pathId`. */
  path: string;
  params?: Record<string, QueryValue>;
  body?: object;
  /** What the request is about, in the words its errors use. */
  about: Subject;
  expects?: Expected;
  /** At most this long, so a step can still act on a request that does not answer. */
  maxMs?: number;
}

/** Far more than any answer Callbell documents; a bigger one is refused, not parsed. */
const MAX_ANSWER_BYTES = MAX_ANSWER_MB * 1024 * 1024;

/** Callbell's documented answers nest 6 levels at most; readers here recurse, so cap it. */
const MAX_ANSWER_DEPTH = 64;

/** How much of each answer goes to the step's log (redacted). */
const LOGGED_ANSWER_LENGTH = 500;

/** One request to Callbell; answers the parsed body or throws a plain-words error. */
export async function callbell<T>(z: ZObject, request: CallbellRequest): Promise<T> {
  const answer = await send(z, request);
  throwForCallbellStatus(z, answer, request.about);
  return readAnswer<T>(z, answer, request);
}

/**
 * Like `callbell`, but a 404 answers `null`: for look-ups where "not found" is an answer. A 404
 * that is an HTML page comes from something in front of Callbell (a proxy, a wrong address),
 * not from its API, so it is no answer (`throwForCallbellStatus` says so): Find or Create must
 * not create on it.
 */
export async function callbellOrNull<T>(z: ZObject, request: CallbellRequest): Promise<T | null> {
  const answer = await send(z, request);
  if (answer.status === 404 && !isHtml(answer.text)) return null;
  throwForCallbellStatus(z, answer, request.about);
  return readAnswer<T>(z, answer, request);
}

/**
 * For a route the docs give two ways: `null` when this one does not exist here (404 or 405,
 * whatever the body: a web framework answers an unknown route with its own HTML page).
 */
export async function callbellIfRouteExists<T>(
  z: ZObject,
  request: CallbellRequest,
): Promise<T | null> {
  const answer = await send(z, request);
  if (answer.status === 404 || answer.status === 405) return null;
  throwForCallbellStatus(z, answer, request.about);
  return readAnswer<T>(z, answer, request);
}

/**
 * Sends one request within the step's budget (time, count, concurrency) and reads the whole
 * answer. Redirects are not followed: a write is never sent twice, and the key never goes to
 * another host. Core reads no body (`raw`), so an answer that is not a success, or cannot be
 * read, is logged here, redacted.
 */
async function send(z: ZObject, request: CallbellRequest): Promise<Answer> {
  const { method = 'GET', path, about } = request;
  checkRequest(z, request);
  const step = stepOf(z);
  const admission = await step.admit(request.maxMs);
  if ('refused' in admission) {
    throw admission.refused === 'deadline'
      ? noTimeLeftError(z, about)
      : tooManyRequestsError(z, method, about);
  }
  // node-fetch's timeout restarts for the body (body.js), so a slow body could take it twice
  // over; the abort ends the whole request, body included, when the step's time is up.
  const { timeout } = admission;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  let status: number | undefined;
  try {
    const response = await z.request(options(request, timeout, controller.signal));
    status = response.status;
    const answer: Answer = {
      status,
      method,
      text: await bodyOf(response),
      retryAfter: response.getHeader('retry-after'),
      redact: redactor(sentApiKey(response)),
    };
    if (status >= 300) logAnswer(z, answer, path);
    return answer;
  } catch (error) {
    throw requestError(z, error, { method, about, status });
  } finally {
    // Stryker disable next-line CallExpression: aborting an answer already read changes nothing.
    clearTimeout(timer);
    step.release();
  }
}

/**
 * The answer's text. An error answer too large to read is read as saying nothing: its status
 * still says what happened. A success too large to read is an error (see requestError).
 */
async function bodyOf(response: RawHttpResponse): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    if (response.status >= 300 && failureOf(error).type === 'max-size') return '';
    throw error;
  }
}

function options(
  // Stryker disable next-line StringLiteral: core sends a request without a method as a GET too.
  { method = 'GET', path, params, body }: CallbellRequest,
  timeout: number,
  signal: AbortSignal,
): HttpRequestOptions & { url: string; raw: true; signal: AbortSignal } {
  return {
    method,
    url: apiUrl(path),
    params: definedOnly(params),
    body,
    skipThrowForStatus: true,
    raw: true,
    redirect: 'manual',
    size: MAX_ANSWER_BYTES,
    timeout,
    // Passed through to node-fetch by core (request-client.js), though not in its types.
    signal,
  };
}

/**
 * Core refuses to send text that looks like a v16 template ("z.request() no longer supports
 * {{bundle.*}} or {{process.*}}", prepare-request.js), which a mapped value may well contain.
 */
export const TEMPLATE = /{{\s*(bundle|process)\.[^}]*}}/;

/** Refuses, before anything is sent, a path or query no URL can carry as meant. */
function checkRequest(z: ZObject, { path, params, body }: CallbellRequest): void {
  if (holdsTemplate({ params, body })) {
    throw new z.errors.Error(
      'A value mapped into this step contains "{{bundle." or "{{process." text, which Zapier does not let an integration send, so nothing was sent. Remove that text from the value.',
      'UnsafeRequest',
    );
  }
  const segment = unsafePathSegment(path);
  if (segment !== undefined) {
    throw new z.errors.Error(
      `This step built an address for Callbell with an empty, "." or ".." part, so nothing was sent. Check the IDs mapped into this step.`,
      'UnsafeRequest',
    );
  }
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value === 'string' && hasLoneSurrogate(value)) {
      throw new z.errors.Error(
        `The value sent as ${name} contains a broken character, so nothing was sent. Check the value mapped into this step.`,
        'UnsafeRequest',
      );
    }
  }
}

/**
 * Core tests each string value on its own (`throwForCurlies`, prepare-request.js); the JSON
 * of them all would let a value's `{{bundle.` end at the JSON's own `"}}`.
 */
function holdsTemplate(values: object): boolean {
  let found = false;
  JSON.stringify(values, (_key, value: unknown) => {
    // Stryker disable next-line ConditionalExpression: other values never match (a list's items are visited too).
    if (typeof value === 'string' && TEMPLATE.test(value)) found = true;
    return value;
  });
  return found;
}

function definedOnly(params: Record<string, QueryValue> | undefined): Record<string, string> {
  const defined: Record<string, string> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== '') defined[key] = String(value);
  }
  return defined;
}

interface Failure {
  method: string;
  about: Subject;
  /** The status, when the headers came in before the failure (then the body failed). */
  status: number | undefined;
}

/** Every failure of a request becomes a z.errors type that says what to do. */
function requestError(z: ZObject, error: unknown, { method, about, status }: Failure): Error {
  const { name, type, code } = failureOf(error);
  if (name === 'AbortError' || type === 'request-timeout' || type === 'body-timeout') {
    return timedOutError(z, method, about);
  }
  if (type === 'max-size') return tooLargeError(z, { status: status ?? 200, method }, about);
  if (name === 'FetchError' && neverConnected(code)) {
    return notConnectedError(z, about, code);
  }
  if (name === 'FetchError') return unreachableError(z, method, about, { type, code });
  if (isZapierError(error)) return error;
  return notSentError(z, about, name ?? 'error');
}

/** z.request rejects with Error objects (node-fetch's FetchError has a string type and code). */
function failureOf(error: unknown): { name?: string; type?: string; code?: string } {
  // Stryker disable next-line ConditionalExpression: z.request rejects with objects only.
  if (!isObject(error)) return {};
  // Stryker disable next-line ConditionalExpression: these fields are strings wherever they are set.
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return { name: text(error.name), type: text(error.type), code: text(error.code) };
}

/** z.errors types keep their own message (core marks them `doNotContextify`). */
function isZapierError(error: unknown): error is Error {
  return (
    error instanceof Error &&
    (error as Error & { doNotContextify?: boolean }).doNotContextify === true
  );
}

function sentApiKey(response: RawHttpResponse): string | undefined {
  const headers = response.request.headers ?? {};
  // Stryker disable next-line StringLiteral: the middleware sets Authorization on every Callbell request.
  const authorization = headers.Authorization ?? headers.authorization ?? '';
  return authorization.replace(/^Bearer\s+/i, '') || undefined;
}

function logAnswer(z: ZObject, { status, method, text, redact }: Answer, path: string): void {
  z.console.log(
    `Callbell answered HTTP ${status} to ${method} ${path}: ${shorten(redact.text(text), LOGGED_ANSWER_LENGTH)}`,
  );
}

/** A 2xx or 3xx answer as the caller's documented shape, or an error saying why not. */
function readAnswer<T>(z: ZObject, answer: Answer, { about, expects, path }: CallbellRequest): T {
  if (answer.status >= 300) throw redirectError(z, answer, about);
  const read = documentedObject(answer, expects);
  if (typeof read === 'string') {
    logAnswer(z, answer, path);
    throw unreadableAnswerError(z, answer, about, read);
  }
  return answer.redact.json(read) as T;
}

/** The answer's object when it holds what the caller expects, or what it was instead. */
function documentedObject(answer: Answer, expects: Expected | undefined): JsonObject | string {
  const read = parseAnswer(answer);
  if (typeof read === 'string' || !expects || holds(read, expects)) return read;
  return answer.text.trim() ? `an answer without its "${expects.key}"` : 'an empty answer';
}

/** The answer's JSON object, or what it was instead. */
function parseAnswer({ status, method, text }: Answer): JsonObject | string {
  const trimmed = text.trim();
  // 204 No Content, and a DELETE that says nothing, are complete answers.
  if (!trimmed && (status === 204 || method === 'DELETE')) return {};
  if (!trimmed) return 'an empty answer';
  if (isHtml(trimmed)) return 'an HTML page';
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return 'incomplete or invalid JSON';
  }
  if (!isObject(value)) return value === null ? 'null' : `a JSON ${jsonKind(value)}`;
  if (isDeeperThan(value, MAX_ANSWER_DEPTH)) return 'JSON nested too deeply';
  return value;
}

function jsonKind(value: unknown): string {
  return Array.isArray(value) ? 'list' : typeof value;
}

function holds(answer: JsonObject, { key, as }: Expected): boolean {
  const value = answer[key];
  if (as === 'record') return isObject(single(value));
  if (as === 'list') return Array.isArray(value);
  return value !== undefined && value !== null;
}
