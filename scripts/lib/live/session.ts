import {
  createAppTester,
  type AfterResponseMiddleware,
  type Bundle,
  type HttpResponse,
} from 'zapier-platform-core';
import { apiBaseUrl } from '../../../src/client/config';
import { isObject, type JsonObject } from '../../../src/values';
import type { Perform } from '../../../src/operations';

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

/** One request Callbell answered, without headers: its body is redacted before it is kept. */
export interface Exchange {
  method: string;
  /** Below the base URL, e.g. `/contacts/phone/31612345678`. */
  path: string;
  query: URLSearchParams;
  status: number;
  body: unknown;
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

  constructor(
    private readonly app: LiveApp,
    private readonly apiKey: string,
  ) {
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
    // What Zapier hands a step: the connection's auth field, the input, and meta or targetUrl.
    const bundle = { authData: { api_key: this.apiKey }, inputData, ...extra } as Partial<Bundle>;
    try {
      const value = (await this.tester(perform, bundle)) as T;
      return { value, exchanges: this.recorded };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { error: this.redact(message), exchanges: this.recorded };
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
    if (!exchange) throw new Error(`${request.method} ${request.path} got no answer: ${error}`);
    return exchange;
  }

  /** The text with the API key blanked out, wherever it appears. */
  redact(text: string): string {
    return this.apiKey ? text.split(this.apiKey).join('[API key]') : text;
  }

  private record(response: HttpResponse, content: string): Exchange {
    const url = new URL(response.request.url ?? '', 'http://unknown');
    const base = new URL(apiBaseUrl());
    return {
      method: (response.request.method ?? 'GET').toUpperCase(),
      path: url.pathname.startsWith(base.pathname)
        ? url.pathname.slice(base.pathname.length)
        : url.pathname,
      query: url.searchParams,
      status: response.status,
      body: this.parse(content),
    };
  }

  /** The JSON body, with the key blanked out and `api_key` (echoed by /auth/me) dropped. */
  private parse(content: string): unknown {
    try {
      const body: unknown = JSON.parse(this.redact(content));
      if (isObject(body) && 'api_key' in body) return { ...body, api_key: '[API key]' };
      return body;
    } catch {
      return content ? '(not JSON)' : null;
    }
  }
}

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
