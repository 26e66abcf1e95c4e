import {
  createAppTester,
  type AfterResponseMiddleware,
  type Bundle,
  type HttpResponse,
} from 'zapier-platform-core';
import { errorCodeOf } from '../../../src/client/errors';
import { apiBaseUrl } from '../../../src/client/config';
import { redactor, type Redactor } from '../../../src/client/redact';
import { isObject, type JsonObject } from '../../../src/values';
import type { Perform } from '../../../src/operations';
import type { Row } from './report';

export type { Perform };

interface Operation {
  perform: Perform;
  performList?: Perform;
  performSubscribe?: Perform;
  performUnsubscribe?: Perform;
}

/** The built app (dist/index.js) as far as the checks use it. */
export interface LiveApp {
  version: string;
  authentication: { test: Perform };
  triggers: Record<string, { operation: Operation }>;
  creates: Record<string, { operation: Operation }>;
  searches: Record<string, { operation: Operation }>;
  afterResponse?: AfterResponseMiddleware | AfterResponseMiddleware[];
}

export type Kind = 'triggers' | 'creates' | 'searches';
export type Step = keyof Operation;

/** The status of a request that got no answer at all (refused, reset, timed out). */
export const NO_ANSWER = 0;

/** An answer that is no verdict of Callbell's: none at all, 429 or 5xx. */
export const isOutage = (status: number): boolean =>
  status === NO_ANSWER || status === 429 || status >= 500;

/** The app's errors that mean Callbell gave no verdict (src/client/errors.ts). */
const OUTAGE_CODES = new Set(['CallbellUnreachable', 'CallbellUnavailable', 'RequestNotSent']);

/** One request Callbell answered, without headers: its body is redacted before it is kept. */
export interface Exchange {
  method: string;
  /** Below the base URL, e.g. `/contacts/phone/31612345678`. */
  path: string;
  query: URLSearchParams;
  /** NO_ANSWER when there was none. */
  status: number;
  body: unknown;
  /** Why there was no answer, redacted. */
  error?: string;
}

export interface Outcome<T> {
  value?: T;
  /** The error the Zap would show, redacted. */
  error?: string;
  exchanges: Exchange[];
}

export interface RawRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  params?: Record<string, string>;
  body?: JsonObject;
}

/**
 * Runs the built app's operations through core's app tester, as Zapier runs them, with the key
 * as the connection's auth field. An extra afterResponse step only watches what Callbell
 * answers. Requests the app never makes go through the app tester's `z.request` too, so the
 * app's own middleware adds the key, and only on Callbell's base URL.
 */
export class Session {
  private readonly tester: ReturnType<typeof createAppTester>;
  private recorded: Exchange[] = [];
  /** Every answer that was no verdict of Callbell's, as `METHOD /path status`. */
  private readonly outages: string[] = [];
  /** The one redactor of the run: every form of the key (src/client/redact.ts). */
  private readonly redactor: Redactor;

  constructor(
    private readonly app: LiveApp,
    private readonly apiKey: string,
  ) {
    this.redactor = redactor(apiKey);
    // The app reads Callbell's answers raw (a stream, src/client/request.ts): the watcher
    // reads a copy, so the app still reads the original.
    const watch: AfterResponseMiddleware = async (response) => {
      this.recorded.push(this.record(response, await textOf(response)));
      return response;
    };
    const own = app.afterResponse;
    const afterResponse = [...(Array.isArray(own) ? own : own ? [own] : []), watch];
    this.tester = createAppTester({ ...app, afterResponse });
  }

  /** An operation step of the built app. */
  step(kind: Kind, key: string, step: Step = 'perform'): Perform {
    const found = this.app[kind][key]?.operation[step];
    if (!found) throw new Error(`the built app has no ${kind} ${key} ${step}`);
    return found;
  }

  authTest(): Perform {
    return this.app.authentication.test;
  }

  /** Runs a step as Zapier would, catching its error as the Zap would show it. */
  async run<T>(
    perform: Perform,
    inputData: JsonObject = {},
    extra: JsonObject = {},
  ): Promise<Outcome<T>> {
    this.recorded = [];
    const before = this.outages.length;
    // What Zapier hands a step: the connection's auth field, the input, and meta or targetUrl.
    const bundle = { authData: { api_key: this.apiKey }, inputData, ...extra } as Partial<Bundle>;
    try {
      const value = (await this.tester(perform, bundle)) as T;
      return { value, exchanges: this.recorded };
    } catch (error) {
      const message = this.redact(error instanceof Error ? error.message : String(error));
      // A step that failed for want of an answer (none recorded) is an outage too.
      if (this.outages.length === before && isOutageError(error))
        this.outages.push(`${stepName(perform)}: ${message.slice(0, 120)}`);
      return { error: message, exchanges: this.recorded };
    }
  }

  /**
   * Runs one check, whose rows go into `rows`: if Callbell gave no verdict to any request of it
   * (no answer, 429, 5xx), none of its rows gives one: they could not be checked. What the
   * check throws goes on to the caller, after its rows are judged.
   */
  async judge<T>(rows: Row[], check: () => Promise<T>): Promise<T> {
    const start = rows.length;
    const before = this.outages.length;
    try {
      return await check();
    } finally {
      const outages = this.outages.slice(before);
      if (outages.length) {
        for (const entry of rows.slice(start)) {
          if (entry.verdict === 'could not be checked') continue;
          entry.verdict = 'could not be checked';
          entry.answered += ` [not Callbell's verdict: ${outages.slice(0, 2).join('; ')}]`;
        }
      }
    }
  }

  /** One request the app does not make itself, answered whatever the status. */
  async raw(request: RawRequest): Promise<Exchange> {
    const send: Perform = (z) =>
      z.request({
        method: request.method,
        url: `${apiBaseUrl()}${request.path}`,
        params: request.params,
        body: request.body,
        skipThrowForStatus: true,
      });
    const { exchanges, error } = await this.run(send);
    const exchange = exchanges.at(-1);
    if (exchange) return exchange;
    // No answer is an answer too: the check says it could not be checked, and goes on.
    const path = request.path.split('?')[0] ?? request.path;
    const missing: Exchange = {
      method: request.method,
      path,
      query: new URLSearchParams(request.params),
      status: NO_ANSWER,
      body: null,
      error: (error ?? 'no answer').slice(0, 200),
    };
    this.outages.push(`${request.method} ${path}: no answer`);
    return missing;
  }

  /** The text with every form of the API key blanked out (src/client/redact.ts). */
  redact(text: string): string {
    return this.redactor.text(text);
  }

  private record(response: HttpResponse, content: string): Exchange {
    const url = new URL(response.request.url ?? '', 'http://unknown');
    const base = new URL(apiBaseUrl());
    const exchange: Exchange = {
      method: (response.request.method ?? 'GET').toUpperCase(),
      path: url.pathname.startsWith(base.pathname)
        ? url.pathname.slice(base.pathname.length)
        : url.pathname,
      query: url.searchParams,
      status: response.status,
      body: this.parse(content),
    };
    if (isOutage(exchange.status))
      this.outages.push(`${exchange.method} ${exchange.path} ${exchange.status}`);
    return exchange;
  }

  /** The JSON body with every form of the key blanked out, keys included; `api_key` dropped. */
  private parse(content: string): unknown {
    let body: unknown;
    try {
      body = JSON.parse(content);
    } catch {
      return content ? '(not JSON)' : null;
    }
    const safe = this.redactor.json(body);
    if (isObject(safe) && 'api_key' in safe) return { ...safe, api_key: '[API key]' };
    return safe;
  }
}

function isOutageError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'ThrottledError' || OUTAGE_CODES.has(errorCodeOf(error) ?? '');
}

const stepName = (perform: Perform): string => perform.name || 'a step';

/** An answer's text: parsed answers carry it, raw ones are read from a copy of the stream. */
async function textOf(response: HttpResponse): Promise<string> {
  // Core's `content` getter throws on a raw response.
  if (response.request.raw !== true) return response.content;
  const copy: unknown = Reflect.get(response, 'clone');
  if (typeof copy !== 'function') return '';
  const cloned: unknown = copy.call(response);
  const text: unknown = isObject(cloned) ? Reflect.get(cloned, 'text') : undefined;
  return typeof text === 'function' ? String(await text.call(cloned)) : '';
}

/** The exchange of a request the step made, by method and a path test. */
export function exchangeOf(
  outcome: { exchanges: Exchange[] },
  method: string,
  path: RegExp,
): Exchange | undefined {
  return outcome.exchanges.find(
    (exchange) => exchange.method === method && path.test(exchange.path),
  );
}
