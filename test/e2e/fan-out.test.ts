import {
  startZapierHooks,
  type HookRun,
  type HookZap,
  type ZapierHooks,
} from '../../sandbox/zapier-hooks';
import { builtApp, perform, useSandbox } from './helpers';

// Zaps on one Callbell account, run as Zapier runs them: each Zap has its own hook URL on a
// stand-in for Zapier's hook service, and every POST to it runs the Zap's perform through
// core's app tester, one tester (one z.cache) for all of them. No nock: real HTTP throughout.

const sandbox = useSandbox();
let hooks: ZapierHooks;

beforeEach(async () => {
  hooks = await startZapierHooks(builtApp, { api_key: sandbox().apiKey });
  process.env.ZAPIER_HOOK_ORIGIN = hooks.origin;
});

afterEach(async () => {
  delete process.env.ZAPIER_HOOK_ORIGIN;
  await hooks.stop();
});

/** Waits for Callbell's deliveries, then for every Zap run they started (forwards included). */
async function settle() {
  await sandbox().hooks.idle();
  await hooks.idle();
}

const eventsOf = (zap: HookZap) => zap.items.map((item) => String(item.event)).sort();

function expectEachItemOnce(zaps: HookZap[]) {
  for (const zap of zaps) {
    const ids = zap.items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(zap.runs.filter((run) => run.error)).toEqual([]);
  }
}

/** A customer writes in from a new number: contact_created, then message_created. */
async function newCustomerWrites(phone: string, text: string) {
  sandbox().account.receive(phone, text);
  await settle();
}

function deletesOfWebhook() {
  return sandbox().requests.filter((request) => request === 'DELETE /webhooks/unsubscribe').length;
}

describe('every Zap on one Callbell account gets its events', () => {
  it('five Zaps with different triggers each get exactly their events, exactly once', async () => {
    const newMessage = hooks.zap('message_created');
    const newContact = hooks.zap('contact_created');
    const closed = hooks.zap('conversation_closed');
    const newEvent = hooks.zap('new_event', { events: ['contact_created', 'message_created'] });
    const failed = hooks.zap('message_status_updated', { statuses: ['failed'] });
    const zaps = [newMessage, newContact, closed, newEvent, failed];
    for (const zap of zaps) await zap.turnOn();
    expect(sandbox().hooks.current()).toMatchObject({
      url: newMessage.url,
      subscriptions: [
        'message_created',
        'message_status_updated',
        'contact_created',
        'conversation_closed',
      ],
    });

    await newCustomerWrites('+44 7911 123777', 'Hi, is my order ready?');
    const customer = sandbox().account.contactByPhone('447911123777').uuid;
    sandbox().account.setConversation(customer, false);
    await settle();
    const sent = await perform(sandbox(), 'creates', 'send_message', {
      to: '+447911123777',
      text: 'It ships today.',
    });
    sandbox().account.advance(String(sent.uuid), 'delivered');
    sandbox().account.advance(String(sent.uuid), 'failed', 'Blocked by the user');
    // No Zap wants contact_updated: Callbell's webhook is not subscribed to it.
    sandbox().account.updateContact(customer, { tags: ['VIP'] });
    await settle();

    expect(eventsOf(newMessage)).toEqual(['message_created', 'message_created']);
    expect(newMessage.items.map((item) => item.text).sort()).toEqual([
      'Hi, is my order ready?',
      'It ships today.',
    ]);
    expect(eventsOf(newContact)).toEqual(['contact_created']);
    expect(newContact.items[0]).toMatchObject({ phoneNumberE164: '+447911123777' });
    expect(eventsOf(closed)).toEqual(['conversation_closed']);
    expect(eventsOf(newEvent)).toEqual(['contact_created', 'message_created', 'message_created']);
    expect(failed.items).toEqual([
      expect.objectContaining({
        event: 'message_status_updated',
        uuid: sent.uuid,
        status: 'failed',
        failure_reason: 'Blocked by the user',
      }),
    ]);
    expectEachItemOnce(zaps);

    // Callbell delivered each event once, to the owner; the owner passed them on, without the key.
    expect(
      sandbox()
        .hooks.log.map((delivery) => delivery.event)
        .sort(),
    ).toEqual([
      'contact_created',
      'conversation_closed',
      'message_created',
      'message_created',
      'message_status_updated',
      'message_status_updated',
    ]);
    const relayed = (run: HookRun) => (run.body as { relayed_by?: string }).relayed_by;
    expect(newMessage.runs.filter((run) => !relayed(run))).toHaveLength(6);
    for (const zap of zaps.slice(1)) {
      expect(zap.runs.every(relayed)).toBe(true);
    }
    expect(zaps.flatMap((zap) => zap.runs).filter((run) => run.authorized)).toEqual([]);
    for (const zap of [...zaps].reverse()) await zap.turnOff();
  });

  it('turning the owner off hands the webhook to the oldest Zap left; the others keep receiving', async () => {
    const owner = hooks.zap('message_created');
    const contacts = hooks.zap('contact_created');
    const messages = hooks.zap('new_event', { events: ['message_created'] });
    for (const zap of [owner, contacts, messages]) await zap.turnOn();
    await newCustomerWrites('+34 612 000 111', 'Hola');

    await owner.turnOff();
    expect(sandbox().hooks.current()).toMatchObject({
      url: contacts.url,
      subscriptions: ['message_created', 'contact_created'],
    });
    await newCustomerWrites('+34 612 000 222', 'Buenas');

    expect(eventsOf(owner)).toEqual(['message_created']);
    expect(eventsOf(contacts)).toEqual(['contact_created', 'contact_created']);
    expect(messages.items.map((item) => item.text)).toEqual(['Hola', 'Buenas']);
    expectEachItemOnce([owner, contacts, messages]);
    for (const zap of [contacts, messages]) await zap.turnOff();
  });

  it('a Zap deleted without unsubscribe (410) leaves the registry; the rest still receive', async () => {
    const owner = hooks.zap('message_created');
    const deleted = hooks.zap('message_created');
    const kept = hooks.zap('message_created');
    for (const zap of [owner, deleted, kept]) await zap.turnOn();
    deleted.delete();

    await newCustomerWrites('+49 151 0000 1111', 'Erste');
    await newCustomerWrites('+49 151 0000 2222', 'Zweite');

    expect(deleted.refused).toBe(1);
    expect(deleted.items).toEqual([]);
    expect(owner.items.map((item) => item.text)).toEqual(['Erste', 'Zweite']);
    expect(kept.items.map((item) => item.text)).toEqual(['Erste', 'Zweite']);

    // An owner deleted without unsubscribe is found out when the next Zap is turned on.
    owner.delete();
    const newcomer = hooks.zap('message_created');
    await newcomer.turnOn();
    expect(sandbox().hooks.current()?.url).toBe(newcomer.url);
    await newCustomerWrites('+49 151 0000 3333', 'Dritte');
    expect(kept.items.map((item) => item.text)).toEqual(['Erste', 'Zweite', 'Dritte']);
    expect(newcomer.items.map((item) => item.text)).toEqual(['Dritte']);
    expectEachItemOnce([owner, kept, newcomer]);
    for (const zap of [kept, newcomer]) await zap.turnOff();
  });

  it('two Zaps turned on at the same moment both receive', async () => {
    const first = hooks.zap('message_created');
    const second = hooks.zap('contact_created');
    await Promise.all([first.turnOn(), second.turnOn()]);
    expect(sandbox().hooks.current()?.subscriptions).toEqual([
      'message_created',
      'contact_created',
    ]);
    await newCustomerWrites('+33 6 00 00 11 22', 'Bonjour');
    expect(eventsOf(first)).toEqual(['message_created']);
    expect(eventsOf(second)).toEqual(['contact_created']);
    for (const zap of [first, second]) await zap.turnOff();
  });

  it('turning every Zap off deletes the webhook once, when the last one goes', async () => {
    const zaps = [
      hooks.zap('message_created'),
      hooks.zap('contact_created'),
      hooks.zap('conversation_closed'),
    ];
    for (const zap of zaps) await zap.turnOn();
    const before = deletesOfWebhook();
    for (const zap of [zaps[1], zaps[0]]) {
      await zap?.turnOff();
      expect(sandbox().hooks.current()).not.toBeNull();
    }
    await zaps[2]?.turnOff();
    expect(sandbox().hooks.current()).toBeNull();
    expect(deletesOfWebhook() - before).toBe(1);
  });
});
