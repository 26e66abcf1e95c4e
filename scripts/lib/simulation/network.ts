import nock from 'nock';
import type { World } from './world';

const CALLBELL_API = 'https://api.callbell.eu';
const ZAPIER_HOOKS = 'https://hooks.zapier.com';
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * nock's timers (nock/lib/common.js): nock keeps Node's own setTimeout and setImmediate, so
 * that a test's fake clock cannot hold a reply back. Here the clock is the world's, and every
 * reply must wait for it like everything else: otherwise each reply costs real milliseconds
 * and virtual time moves while one is on its way.
 */
interface NockTimers {
  setTimeout: (callback: () => void, ms?: number) => unknown;
  setImmediate: (callback: () => void) => unknown;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nockTimers = require('nock/lib/common') as NockTimers;

let world: World | null = null;

/** The world that answers the app's requests from now on. */
export function connect(next: World | null): void {
  world = next;
}

function active(): World {
  if (!world) throw new Error('no simulated world is connected');
  return world;
}

/** The body as it was sent: nock hands JSON bodies over parsed. */
function bodyText(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body);
}

function noteElsewhere(options: { hostname?: string; host?: string }): void {
  world?.elsewhere.push(options.hostname ?? options.host ?? 'unknown host');
}

/**
 * Puts Callbell's API and Zapier's hook service in front of the app, in this process (nock):
 * every request goes to the connected world, and any other host is refused and noted (a
 * forward to a non-Zapier host). Returns the teardown.
 */
export function interceptNetwork(): () => void {
  const ownTimers = { ...nockTimers };
  nockTimers.setTimeout = (callback, ms) => setTimeout(callback, ms);
  nockTimers.setImmediate = (callback) => setImmediate(callback);
  nock.disableNetConnect();
  nock.emitter.on('no match', noteElsewhere);
  for (const method of METHODS) {
    nock(CALLBELL_API)
      .persist()
      .intercept(() => true, method)
      .reply(async function (uri, body) {
        const url = new URL(uri, CALLBELL_API);
        const answer = await active().callbell.answer({
          method,
          path: url.pathname,
          query: url.searchParams,
          authorization: this.req.headers.authorization,
          body: typeof body === 'string' && body ? (JSON.parse(body) as unknown) : body,
        });
        return [answer.status, answer.body as nock.Body, { 'Content-Type': 'application/json' }];
      });
  }
  nock(ZAPIER_HOOKS)
    .persist()
    .post(() => true)
    .reply(function (uri, body) {
      const url = new URL(uri, ZAPIER_HOOKS);
      const answer = active().hooks.receive({
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: { ...this.req.headers },
        text: bodyText(body),
        sender: 'app',
      });
      return [answer.status, answer.body, { 'Content-Type': 'application/json' }];
    });
  return () => {
    nock.emitter.removeListener('no match', noteElsewhere);
    nock.cleanAll();
    Object.assign(nockTimers, ownTimers);
    world = null;
  };
}
