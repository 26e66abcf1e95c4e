import { startSandbox, type Sandbox } from '../../sandbox/callbell/server';
import { startZapierHooks, type HookZap, type ZapierHooks } from '../../sandbox/zapier/hooks';
import {
  builtApp,
  customerWrites,
  expectEachItemOnce,
  settle as settleRuns,
  webhookZap as webhookZapOf,
} from './helpers';

// Issue #21's findings about Zapier's cache and the API key, replayed on the built app over
// real HTTP: the sandbox as Callbell, a stand-in for Zapier's hook service running each Zap
// through core's app tester. Each test gets a fresh account and a fresh cache, since the
// faults leave state (a kept webhook, a partial list) that is the next step's to repair.
// Findings 8 and 9 need time to pass (Retry-After, a slow cache): the fault simulation plays
// them on the built app on its virtual clock, and the unit tests on jest's fake one.

let sandbox: Sandbox;
let hooks: ZapierHooks;

beforeEach(async () => {
  sandbox = await startSandbox();
  process.env.CALLBELL_API_URL = sandbox.apiUrl;
  hooks = await startZapierHooks(builtApp, { api_key: sandbox.apiKey });
  process.env.ZAPIER_HOOK_ORIGIN = hooks.origin;
});

afterEach(async () => {
  delete process.env.ZAPIER_HOOK_ORIGIN;
  delete process.env.CALLBELL_API_URL;
  await hooks.stop();
  await sandbox.stop();
});

const texts = (zap: HookZap) => zap.items.map((item) => item.text);

/** How often Callbell was asked to change or delete its webhook. */
const webhookWrites = () =>
  sandbox.requests.filter((request) => /^(POST|DELETE) \/webhooks\//.test(request)).length;

async function turnOn(...zaps: HookZap[]) {
  for (const zap of zaps) await zap.turnOn();
}

describe("issue #21's findings about Zapier's cache and the API key, replayed over real HTTP", () => {
  it("finding 1: while Zapier's cache fails, a turn-on changes nothing and a turn-off keeps the webhook; once it answers, the next turn-on takes the webhook and passes on what was missed (invariant: never destroy shared state on doubt)", async () => {
    const older = hooks.zap('message_created');
    const owner = hooks.zap('message_created');
    await turnOn(older, owner);
    const writes = webhookWrites();

    hooks.breakCache();
    const newcomer = hooks.zap('message_created');
    await expect(newcomer.turnOn()).rejects.toThrow(
      /Turn this Zap on again in a minute: Zapier's cache, which lists the Zaps sharing Callbell's one webhook, failed/,
    );
    await expect(owner.turnOff()).rejects.toThrow(
      /If your other Callbell Zaps stop getting events, turn one off and on again/,
    );
    expect(webhookWrites()).toBe(writes);
    expect(webhookZapOf(sandbox)).toBe(owner.url);

    // Callbell posts to the owner, which Zapier turned off: the delivery fails (410).
    await customerWrites(sandbox, hooks, '+49 151 0000 5555', 'Hallo');
    expect(owner.refused).toBe(1);
    expect(older.items).toEqual([]);

    hooks.breakCache(false);
    await newcomer.turnOn();
    await settleRuns(sandbox, hooks);
    expect(webhookZapOf(sandbox)).toBe(newcomer.url);
    // What Callbell's log lists as failed since the gone owner took the webhook, passed on.
    expect(texts(older)).toEqual(['Hallo']);
    await customerWrites(sandbox, hooks, '+49 151 0000 6666', 'Noch da?');
    expect(texts(older)).toEqual(['Hallo', 'Noch da?']);
    expect(texts(newcomer)).toEqual(['Noch da?']);
    expectEachItemOnce([older, newcomer]);
    expect(sandbox.requests).not.toContain('DELETE /webhooks/unsubscribe');
  });

  it("finding 2: with no list in Zapier's cache no turn-off deletes the webhook; the owner's keeps it, and the next turn-on takes it and passes on what was missed (invariant: never destroy shared state on doubt)", async () => {
    const oldest = hooks.zap('message_created');
    const middle = hooks.zap('new_event', { events: ['message_created'] });
    const owner = hooks.zap('message_created');
    await turnOn(oldest, middle, owner);

    hooks.forgetCache();
    await expect(oldest.turnOff()).rejects.toThrow(/turn one off and on again/);
    expect(webhookZapOf(sandbox)).toBe(owner.url);
    await customerWrites(sandbox, hooks, '+34 612 000 333', 'Uno');
    expect(texts(middle)).toEqual(['Uno']);
    expect(texts(owner)).toEqual(['Uno']);

    hooks.forgetCache();
    await expect(owner.turnOff()).rejects.toThrow(/turn one off and on again/);
    expect(webhookZapOf(sandbox)).toBe(owner.url);
    await customerWrites(sandbox, hooks, '+34 612 000 444', 'Dos');
    expect(owner.refused).toBe(1);

    const newcomer = hooks.zap('message_created');
    await newcomer.turnOn();
    await settleRuns(sandbox, hooks);
    expect(webhookZapOf(sandbox)).toBe(newcomer.url);
    expect(texts(middle)).toEqual(['Uno', 'Dos']);
    await customerWrites(sandbox, hooks, '+34 612 000 555', 'Tres');
    expect(texts(middle)).toEqual(['Uno', 'Dos', 'Tres']);
    expect(texts(newcomer)).toEqual(['Tres']);
    expectEachItemOnce([middle, owner, newcomer]);
    expect(sandbox.requests).not.toContain('DELETE /webhooks/unsubscribe');
  });

  it('finding 3: a Zap turned on after the API key was rotated (the old one revoked) joins the Zaps of the old key, and all get every event; the last turn-off deletes the webhook with the new key (invariant: key rotation loses no Zap)', async () => {
    const messages = hooks.zap('message_created');
    const contacts = hooks.zap('contact_created');
    await turnOn(messages, contacts);

    const rotated = sandbox.createApiKey();
    sandbox.revokeApiKey(sandbox.apiKey);
    hooks.reconnect({ api_key: rotated });
    const newcomer = hooks.zap('new_event', { events: ['message_created'] });
    await newcomer.turnOn();
    expect(webhookZapOf(sandbox)).toBe(newcomer.url);
    expect(sandbox.hooks.current()?.subscriptions).toEqual(['message_created', 'contact_created']);

    await customerWrites(sandbox, hooks, '+39 333 000 7777', 'Ciao');
    expect(texts(messages)).toEqual(['Ciao']);
    expect(contacts.items.map((item) => item.event)).toEqual(['contact_created']);
    expect(texts(newcomer)).toEqual(['Ciao']);
    expectEachItemOnce([messages, contacts, newcomer]);

    // Turned off with the new key: the webhook drops contact_created with its last Zap, and
    // goes with the last Zap of all.
    for (const zap of [messages, contacts]) await zap.turnOff();
    expect(sandbox.hooks.current()?.subscriptions).toEqual(['message_created']);
    await newcomer.turnOff();
    expect(sandbox.hooks.current()).toBeNull();
  });
});
