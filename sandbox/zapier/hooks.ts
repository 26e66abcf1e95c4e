import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createAppTester, type Bundle, type ZObject } from 'zapier-platform-core';

type Step = (z: ZObject, bundle: Bundle) => Promise<unknown>;

/** The parts of a built Zapier app this stand-in drives: its hook triggers. */
export interface HookApp {
  triggers: Record<
    string,
    {
      operation: {
        perform?: Step;
        performSubscribe?: Step;
        performUnsubscribe?: Step;
      };
    }
  >;
}

/** One POST Zapier's hook service received for a Zap, and what the Zap's perform made of it. */
export interface HookRun {
  body: unknown;
  /** Whether the POST carried an Authorization header (a forward never should). */
  authorized: boolean;
  /** The items perform returned (each one would start the Zap), or its error. */
  items: Record<string, unknown>[];
  error?: string;
  /** Wall time of perform, in ms. */
  ms: number;
}

/**
 * A Zap as Zapier's hook service sees it: a unique URL that accepts POSTs while the Zap is on
 * and answers 410 Gone once it is off or deleted ("If your API continues posting notification
 * payloads to the Zap after it has unsubscribed, you can expect to see a 410 response",
 * docs/_build/triggers/hook-trigger.md in zapier/visual-builder).
 */
export class HookZap {
  state: 'new' | 'on' | 'off' | 'deleted' = 'new';
  readonly runs: HookRun[] = [];
  /** POSTs answered 410 because the Zap was off or deleted. */
  refused = 0;
  /** What performSubscribe returned, kept by Zapier with the Zap. */
  subscribeData: { id: string } | undefined = undefined;

  constructor(
    private readonly service: Service,
    readonly url: string,
    readonly trigger: string,
    readonly inputData: Record<string, unknown>,
  ) {}

  /** Every item the Zap was started with, in order. */
  get items(): Record<string, unknown>[] {
    return this.runs.flatMap((run) => run.items);
  }

  /**
   * Turns the Zap on: Zapier calls performSubscribe with the Zap's URL, which takes posts from
   * then on (the app may post to it at once); when performSubscribe fails the Zap stays off.
   */
  async turnOn(): Promise<unknown> {
    this.state = 'on';
    try {
      const data = await this.service.run(this, 'performSubscribe', { targetUrl: this.url });
      this.subscribeData =
        isRecord(data) && typeof data.id === 'string' ? { ...data, id: data.id } : undefined;
      return data;
    } catch (error) {
      this.state = 'off';
      throw error;
    }
  }

  /**
   * Turns the Zap off: its URL answers 410 from now on, then Zapier calls performUnsubscribe.
   * When that fails the Zap is off all the same (zapier/zapier-platform-cli#261).
   */
  async turnOff(): Promise<unknown> {
    this.state = 'off';
    return this.service.run(this, 'performUnsubscribe', {
      targetUrl: this.url,
      subscribeData: this.subscribeData,
    });
  }

  /** The Zap disappears without performUnsubscribe being called: its URL answers 410. */
  delete(): void {
    this.state = 'deleted';
  }
}

interface Service {
  run(
    zap: HookZap,
    step: 'performSubscribe' | 'performUnsubscribe',
    extra: object,
  ): Promise<unknown>;
}

export interface ZapierHooks {
  /** The service's origin, for the app's ZAPIER_HOOK_ORIGIN. */
  origin: string;
  /** A new Zap (off) with this trigger and step input. */
  zap(trigger: string, inputData?: Record<string, unknown>): HookZap;
  /** Resolves once every run started so far, and every run those started, has ended. */
  idle(): Promise<void>;
  /**
   * Empties Zapier's cache, as a new major version or an eviction does; each Zap keeps its
   * subscribe data (/work/shared/zapier/PLATFORM.md, "Third look").
   */
  forgetCache(): void;
  /**
   * Every z.cache call fails from now on, as when Zapier's cache server cannot be reached
   * (core's RPC client throws after its retries); `breakCache(false)` ends that, entries intact.
   */
  breakCache(broken?: boolean): void;
  /**
   * The connection is reconnected with other credentials (a rotated API key): Zapier runs
   * every later step of every Zap with them, subscribe data unchanged.
   */
  reconnect(authData: Record<string, string>): void;
  stop(): Promise<void>;
}

/**
 * A stand-in for Zapier's hook service on loopback. Each Zap gets its own URL; a POST to it
 * runs that Zap's perform through core's app tester, as Zapier runs a REST-hook trigger on
 * each payload. One app tester serves every Zap, so they share one z.cache, as Zaps of one
 * integration share Zapier's (the tester keeps one `zcacheTestObj` for all its calls; unlike
 * Zapier's it ignores ttl, scope and nx). It answers at once, before the run, as Zapier
 * queues a run and answers the caller.
 */
export async function startZapierHooks(
  app: HookApp,
  authData: Record<string, string>,
): Promise<ZapierHooks> {
  const tester = createAppTester(app);
  const zaps = new Map<string, HookZap>();
  const pending = new Set<Promise<void>>();
  let counter = 0;

  const stepOf = (zap: HookZap, step: 'perform' | 'performSubscribe' | 'performUnsubscribe') => {
    const found = app.triggers[zap.trigger]?.operation[step];
    if (!found) throw new Error(`trigger ${zap.trigger} has no ${step}`);
    return found;
  };

  let connection = authData;
  let cache: object = {};
  let cacheBroken = false;
  // The app tester reads its cache object afresh on every call (create-app-tester.js).
  const useCache = () =>
    Reflect.set(tester, 'zcacheTestObj', cacheBroken ? unreachableCache() : cache);
  useCache();
  const service: Service = {
    run: (zap, step, extra) =>
      tester(stepOf(zap, step), { authData: connection, inputData: zap.inputData, ...extra }),
  };

  async function runPerform(
    zap: HookZap,
    body: unknown,
    querystring: Record<string, string>,
    authorized: boolean,
  ) {
    const started = performance.now();
    const cleanedRequest = isRecord(body) ? { ...body, querystring } : body;
    try {
      // Zapier hands perform the Zap's subscribe data, kept since it was turned on.
      const items = await tester(stepOf(zap, 'perform'), {
        authData: connection,
        inputData: zap.inputData,
        cleanedRequest,
        subscribeData: zap.subscribeData,
      });
      zap.runs.push({ body, authorized, items: asItems(items), ms: performance.now() - started });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      zap.runs.push({
        body,
        authorized,
        items: [],
        error: message,
        ms: performance.now() - started,
      });
    }
  }

  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const url = new URL(request.url ?? '/', origin);
      const zap = zaps.get(url.pathname);
      const answer = (status: number, json: object) => {
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(json));
      };
      if (request.method !== 'POST' || !zap) return answer(404, { status: 'not found' });
      if (zap.state !== 'on') {
        zap.refused += 1;
        return answer(410, { status: 'gone' });
      }
      const authorized = request.headers.authorization !== undefined;
      const run = runPerform(zap, body, Object.fromEntries(url.searchParams), authorized);
      pending.add(run);
      void run.finally(() => pending.delete(run));
      answer(200, { status: 'success', request_id: randomBytes(8).toString('hex') });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    zap: (trigger, inputData = {}) => {
      counter += 1;
      const path = `/hooks/standard/${counter}/${randomBytes(16).toString('hex')}/`;
      const zap = new HookZap(service, `${origin}${path}`, trigger, inputData);
      zaps.set(path, zap);
      return zap;
    },
    forgetCache: () => {
      cache = {};
      useCache();
    },
    breakCache: (broken = true) => {
      cacheBroken = broken;
      useCache();
    },
    reconnect: (next) => {
      connection = next;
    },
    idle: async () => {
      // Bounded by the runs in flight: each waits for its own forwards before it ends.
      while (pending.size) await Promise.all([...pending]);
    },
    stop: async () => {
      while (pending.size) await Promise.all([...pending]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Core's words for a z.cache call when Zapier's RPC cannot be reached (create-rpc-client.js). */
export const CACHE_UNREACHABLE =
  'RPC request failed after 3 attempts: Unable to reach the RPC server';

/**
 * A cache object every z.cache call fails on, with the words of core's RPC client when
 * Zapier's cache cannot be reached (zapier-platform-core's src/tools/create-rpc-client.js).
 * Core's test RPC looks entries up with `key in` and writes them as properties, so a proxy
 * that throws on those fails every get, set and delete; core still sees a plain object (it
 * asks for symbols only), and nothing else it does with the event touches an entry.
 */
function unreachableCache(): object {
  const fail = (): never => {
    throw new Error(CACHE_UNREACHABLE);
  };
  return new Proxy(
    {},
    {
      has: (target, key) => (typeof key === 'string' ? fail() : Reflect.has(target, key)),
      set: fail,
      deleteProperty: fail,
    },
  );
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return text;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asItems(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}
