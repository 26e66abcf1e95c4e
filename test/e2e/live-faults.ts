import { startSandbox, type Sandbox } from '../../sandbox/callbell/server';
import { checkLive, type LiveOptions } from '../../scripts/lib/check-live/run';
import type { LiveApp } from '../../scripts/lib/check-live/session';
import { PASS, startFaultyProxy, type FaultRule } from './faulty-proxy';

// `npm run check-live` when things go wrong between it and Callbell: the sandbox answers by the
// docs, and a proxy in front of it fails the requests a test chooses.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const app = require('../../dist/index.js') as LiveApp;

/** A key with upper and lower case, so each case form differs from the key. */
export const KEY = 'Live_K3y_MixedCase_9f8e7d6c5b4a';

let sandbox: Sandbox | undefined;
let proxy: Awaited<ReturnType<typeof startFaultyProxy>> | undefined;

/** Stops what `behindProxy` started; every file that uses it calls this after each test. */
export async function stopFaults(): Promise<void> {
  delete process.env.CALLBELL_API_URL;
  await proxy?.stop();
  await sandbox?.stop();
  proxy = undefined;
  sandbox = undefined;
}

/** The sandbox behind a proxy that applies `rule`; the app is pointed at the proxy. */
export async function behindProxy(rule: FaultRule): Promise<Sandbox> {
  sandbox = await startSandbox({ apiKey: KEY });
  proxy = await startFaultyProxy(sandbox.apiUrl, rule);
  process.env.CALLBELL_API_URL = proxy.apiUrl;
  return sandbox;
}

export const run = (options: Partial<LiveOptions> = {}) =>
  checkLive({ app, apiKey: KEY, confirm: async () => true, ...options });

/** Passes everything until `after` has passed once, then drops every connection. */
export function dropAfter(method: string, path: RegExp): FaultRule {
  let passed = false;
  return (request) => {
    if (passed) return { drop: true };
    if (request.method === method && path.test(request.path)) passed = true;
    return PASS;
  };
}
