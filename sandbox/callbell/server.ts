import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Account } from './account';
import { newUuid } from './ids';
import {
  noSuchRoute,
  readJson,
  SandboxError,
  sendJson,
  tooManyRequests,
  unauthorized,
  type Route,
} from './http';
import { authRoutes } from './resources/auth';
import { channelRoutes } from './resources/channels';
import { contactRoutes } from './resources/contacts';
import { funnelRoutes } from './resources/funnels';
import { messageRoutes } from './resources/messages';
import { teamRoutes } from './resources/teams';
import { templateRoutes } from './resources/templates';
import { webhookRoutes, WebhookHub } from './resources/webhooks';
import { quirksWith, type SandboxQuirks } from './quirks';
import { SANDBOX_API_KEY } from './seed';

/**
 * Callbell API v1 as the app uses it, answered the way Callbell documents it, and the
 * /_sandbox/ routes that play the people Callbell serves.
 */
const ROUTES: Route[] = [
  ...authRoutes,
  ...contactRoutes,
  ...messageRoutes,
  ...channelRoutes,
  ...templateRoutes,
  ...teamRoutes,
  ...funnelRoutes,
  ...webhookRoutes,
];

export interface SandboxOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  apiKey?: string;
  /** Requests per second before the sandbox answers 429 (Callbell's is 300: rate_limits.md). */
  rateLimit?: number;
  /** How often to send Callbell's connection check to the webhook; 0 (default) never. */
  connectionCheckMs?: number;
  /** Where the docs allow several readings, which one to answer by (see quirks.ts). */
  quirks?: Partial<SandboxQuirks>;
}

export interface Sandbox {
  /** Base URL of the API, for CALLBELL_API_URL, e.g. http://127.0.0.1:4010/v1 */
  apiUrl: string;
  origin: string;
  apiKey: string;
  account: Account;
  hooks: WebhookHub;
  /** Requests the API answered, by "METHOD /path" (429s included). */
  requests: string[];
  /** The readings the sandbox answers by; tests may change them while it runs. */
  quirks: SandboxQuirks;
  setRateLimit(perSecond: number): void;
  /**
   * A new API key of the same account, as "Create API Key" in Callbell's dashboard makes one
   * (getting_started.md, "Getting your API keys"); every key acts on the one account.
   */
  createApiKey(): string;
  /** The key no longer works: every request with it is answered 401. */
  revokeApiKey(key: string): void;
  stop(): Promise<void>;
}

/** A local stand-in for Callbell's API v1 on loopback, seeded and in memory. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const apiKey = options.apiKey ?? SANDBOX_API_KEY;
  const validKeys = new Set([apiKey]);
  const hooks = new WebhookHub();
  const account = new Account(hooks);
  const requests: string[] = [];
  const quirks = quirksWith(options.quirks);
  const limiter = { perSecond: options.rateLimit ?? 300, second: 0, count: 0 };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: String(error) });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://sandbox');
    const method = request.method ?? 'GET';
    const route = ROUTES.find(
      (candidate) => candidate.method === method && candidate.path.test(url.pathname),
    );
    const usedKey = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    try {
      if (!route?.control) {
        requests.push(`${method} ${url.pathname.replace(/^\/v1/, '')}`);
        const retryAfter = throttle();
        if (retryAfter) throw tooManyRequests(retryAfter);
        if (!validKeys.has(usedKey)) throw unauthorized();
      }
      if (!route) throw noSuchRoute();
      const body = method === 'GET' || method === 'DELETE' ? {} : await readJson(request);
      const params = (route.path.exec(url.pathname) ?? []).slice(1).map(decodeURIComponent);
      const answer = await route.handle({
        params,
        query: url.searchParams,
        body,
        account,
        hooks,
        apiKey: validKeys.has(usedKey) ? usedKey : apiKey,
        quirks,
      });
      sendJson(response, 200, answer);
    } catch (error) {
      if (error instanceof SandboxError)
        return sendJson(response, error.status, error.body, error.headers);
      throw error;
    }
  }

  /** Seconds to wait when this second's requests are over the limit; 0 to go ahead. */
  function throttle(): number {
    const second = Math.floor(Date.now() / 1000);
    if (second !== limiter.second) Object.assign(limiter, { second, count: 0 });
    limiter.count += 1;
    return limiter.count > limiter.perSecond ? 1 : 0;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const checks = options.connectionCheckMs
    ? setInterval(() => void hooks.checkConnection(), options.connectionCheckMs)
    : null;
  checks?.unref();

  return {
    apiUrl: `${origin}/v1`,
    origin,
    apiKey,
    account,
    hooks,
    requests,
    quirks,
    setRateLimit: (perSecond) => Object.assign(limiter, { perSecond }),
    createApiKey: () => {
      const key = `test_sandbox_key_${newUuid()}`;
      validKeys.add(key);
      return key;
    },
    revokeApiKey: (key) => {
      validKeys.delete(key);
    },
    stop: async () => {
      if (checks) clearInterval(checks);
      await hooks.idle();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
