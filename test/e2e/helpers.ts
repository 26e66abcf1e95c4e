import type { Bundle } from 'zapier-platform-core';
import { createAppTester } from 'zapier-platform-core';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/callbell/server';
import type { HookZap, ZapierHooks } from '../../sandbox/zapier/hooks';
import type { Perform } from '../../src/operations';

export type { Perform };
type Operation = {
  inputFields?: unknown[];
  perform: Perform;
  performList?: Perform;
  performSubscribe?: Perform;
  performUnsubscribe?: Perform;
};

interface BuiltApp {
  triggers: Record<string, { operation: Operation }>;
  creates: Record<string, { operation: Operation }>;
  searches: Record<string, { operation: Operation }>;
  authentication: { test: Perform };
  flags?: Record<string, unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const shipped = require('../../dist/index.js') as BuiltApp;

/**
 * The compiled app, as `zapier push` ships it (npm test builds it first), with core's
 * documented `skipHttpPatch` flag. Core's patch wraps `http.request` once per process in a
 * two-argument function, which drops the agent nock adds: after an e2e file had patched it,
 * the unit files jest runs next in the same process reached the network instead of nock. The
 * app makes every request with z.request, which the patch does not log anyway.
 */
export const builtApp: BuiltApp = { ...shipped, flags: { ...shipped.flags, skipHttpPatch: true } };
export const appTester = createAppTester(builtApp);

/** Starts the sandbox and points the app at it for the whole test file. */
export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox(options);
    process.env.CALLBELL_API_URL = sandbox.apiUrl;
  });
  afterAll(async () => {
    delete process.env.CALLBELL_API_URL;
    await sandbox?.stop();
  });
  return () => {
    if (!sandbox) throw new Error('the sandbox is not running');
    return sandbox;
  };
}

/** Bundle parts a test sets beyond the input: targetUrl, cleanedRequest, meta… */
export type BundleExtra = Record<string, unknown>;

export function bundleFor(
  sandbox: Sandbox,
  inputData: Record<string, unknown> = {},
  extra: BundleExtra = {},
) {
  return { authData: { api_key: sandbox.apiKey }, inputData, ...extra } as Partial<Bundle>;
}

export function operation(kind: 'triggers' | 'creates' | 'searches', key: string): Operation {
  const found = builtApp[kind][key]?.operation;
  if (!found) throw new Error(`no ${kind} ${key}`);
  return found;
}

/** Runs an operation's perform against the sandbox as Zapier would. */
export function perform<T = Record<string, unknown>>(
  sandbox: Sandbox,
  kind: 'triggers' | 'creates' | 'searches',
  key: string,
  inputData: Record<string, unknown> = {},
  extra: BundleExtra = {},
): Promise<T> {
  return appTester(
    operation(kind, key).perform,
    bundleFor(sandbox, inputData, extra),
  ) as Promise<T>;
}

/** Runs a REST-hook step of a trigger (turning a Zap on or off, or its editor test). */
export function hookStep(
  sandbox: Sandbox,
  key: string,
  step: 'performSubscribe' | 'performUnsubscribe' | 'performList',
  inputData: Record<string, unknown> = {},
  extra: BundleExtra = {},
): Promise<unknown> {
  const run = operation('triggers', key)[step];
  if (!run) throw new Error(`trigger ${key} has no ${step}`);
  return appTester(run, bundleFor(sandbox, inputData, extra));
}

export { startZapReceiver } from '../../sandbox/zapier/zap-receiver';

/** Where Callbell's webhook points: a Zap's hook URL, without the token the app added. */
export function webhookZap(sandbox: Sandbox): string | undefined {
  return sandbox.hooks.current()?.url.split('?')[0];
}

/** Waits for Callbell's deliveries, then for every Zap run they started (forwards included). */
export async function settle(sandbox: Sandbox, hooks: ZapierHooks): Promise<void> {
  await sandbox.hooks.idle();
  await hooks.idle();
}

/** A customer writes in from a new number: contact_created, then message_created. */
export async function customerWrites(
  sandbox: Sandbox,
  hooks: ZapierHooks,
  phone: string,
  text: string,
): Promise<void> {
  sandbox.account.receive(phone, text);
  await settle(sandbox, hooks);
}

/** Each Zap ran without an error and got each item once. */
export function expectEachItemOnce(zaps: HookZap[]): void {
  for (const zap of zaps) {
    const ids = zap.items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(zap.runs.filter((run) => run.error)).toEqual([]);
  }
}
