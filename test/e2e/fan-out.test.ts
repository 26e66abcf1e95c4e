import {
  startZapierHooks,
  type HookRun,
  type HookZap,
  type ZapierHooks,
} from '../../sandbox/zapier/hooks';
import {
  builtApp,
  customerWrites,
  expectEachItemOnce,
  perform,
  settle as settleRuns,
  useSandbox,
  webhookZap as webhookZapOf,
} from './helpers';

// Zaps on one Callbell account, run as Zapier runs them: each Zap has its own hook URL on a
// stand-in for Zapier's hook service, and every POST to it runs the Zap's perform through
// core's app tester, one tester (one z.cache) for all of them. No nock: real HTTP throughout.

const sandbox = useSandbox();
let hooks: ZapierHooks;

// One hook service (one Zapier cache) for the whole file, as for one Callbell account over
// time: every test turns its Zaps off at its end.
beforeAll(async () => {
  hooks = await startZapierHooks(builtApp, { api_key: sandbox().apiKey });
  process.env.ZAPIER_HOOK_ORIGIN = hooks.origin;
});

afterAll(async () => {
  delete process.env.ZAPIER_HOOK_ORIGIN;
  await hooks.stop();
});

const webhookZap = () => webhookZapOf(sandbox());
const settle = () => settleRuns(sandbox(), hooks);
const eventsOf = (zap: HookZap) => zap.items.map((item) => String(item.event)).sort();
const newCustomerWrites = (phone: string, text: string) =>
  customerWrites(sandbox(), hooks, phone, text);

function deletesOfWebhook() {
  return sandbox().requests.filter((request) => request === 'DELETE /webhooks/unsubscribe').length;
}

describe('every Zap on one Callbell account gets its events', () => {
  it('five Zaps with different triggers each get exactly their events, exactly once', async () => {
    const newMessage = hooks.zap('message_created');
    const newContact = hooks.zap('contact_created');
    const closed = hooks.zap('conversation_closed');
    const newEventTrigger = hooks.zap('new_event', {
      events: ['contact_created', 'message_created'],
    });
    const failed = hooks.zap('message_status_updated', { statuses: ['failed'] });
    const zaps = [newMessage, newContact, closed, newEventTrigger, failed];
    for (const zap of zaps) await zap.turnOn();
    // The newest Zap owns the webhook: its subscribe data lists the four others.
    expect(webhookZap()).toBe(failed.url);
    expect(sandbox().hooks.current()).toMatchObject({
      url: expect.stringMatching(/\?callbell_zapier=[0-9a-f]{32}$/),
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

    // New Message takes received messages by default: the Zap's own reply does not start it.
    expect(newMessage.items.map((item) => item.text)).toEqual(['Hi, is my order ready?']);
    expect(eventsOf(newContact)).toEqual(['contact_created']);
    expect(newContact.items[0]).toMatchObject({ phoneNumberE164: '+447911123777' });
    expect(eventsOf(closed)).toEqual(['conversation_closed']);
    expect(eventsOf(newEventTrigger)).toEqual([
      'contact_created',
      'message_created',
      'message_created',
    ]);
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
    const relayed = (run: HookRun) =>
      (run.body as { callbell_zapier_relay?: unknown }).callbell_zapier_relay !== undefined;
    expect(failed.runs.filter((run) => !relayed(run))).toHaveLength(6);
    // Each turn-on probed the Zap before it (is it gone?); every other run was a relay.
    const probe = (run: HookRun) =>
      (run.body as { callbell_zapier_probe?: unknown }).callbell_zapier_probe === true;
    for (const zap of zaps.slice(0, -1)) {
      expect(zap.runs.filter((run) => !probe(run)).every(relayed)).toBe(true);
    }
    expect(zaps.flatMap((zap) => zap.runs).filter((run) => run.authorized)).toEqual([]);
    for (const zap of [...zaps].reverse()) await zap.turnOff();
  });

  it('turning the owner off hands the webhook to the newest Zap left; the others keep receiving', async () => {
    const messages = hooks.zap('new_event', { events: ['message_created'] });
    const contacts = hooks.zap('contact_created');
    const owner = hooks.zap('message_created');
    for (const zap of [messages, contacts, owner]) await zap.turnOn();
    await newCustomerWrites('+34 612 000 111', 'Hola');

    await owner.turnOff();
    expect(webhookZap()).toBe(contacts.url);
    expect(sandbox().hooks.current()?.subscriptions).toEqual([
      'message_created',
      'contact_created',
    ]);
    await newCustomerWrites('+34 612 000 222', 'Buenas');

    expect(eventsOf(owner)).toEqual(['message_created']);
    expect(eventsOf(contacts)).toEqual(['contact_created', 'contact_created']);
    expect(messages.items.map((item) => item.text)).toEqual(['Hola', 'Buenas']);
    expectEachItemOnce([owner, contacts, messages]);
    for (const zap of [contacts, messages]) await zap.turnOff();
  });

  it('finding 4: Zaps deleted without unsubscribe (410) leave the registry; what a deleted owner missed is passed on by the next turn-on (invariant: no silent loss)', async () => {
    const kept = hooks.zap('message_created');
    const deleted = hooks.zap('message_created');
    const owner = hooks.zap('message_created');
    for (const zap of [kept, deleted, owner]) await zap.turnOn();
    deleted.delete();

    await newCustomerWrites('+49 151 0000 1111', 'Erste');
    await newCustomerWrites('+49 151 0000 2222', 'Zweite');

    expect(deleted.refused).toBe(1);
    expect(deleted.items).toEqual([]);
    expect(owner.items.map((item) => item.text)).toEqual(['Erste', 'Zweite']);
    expect(kept.items.map((item) => item.text)).toEqual(['Erste', 'Zweite']);

    // An owner deleted without unsubscribe: Callbell's deliveries fail (410) until the next
    // Zap turned on takes the webhook and passes on what Callbell's log lists as failed.
    owner.delete();
    await newCustomerWrites('+49 151 0000 4444', 'Verpasst');
    expect(kept.items.map((item) => item.text)).toEqual(['Erste', 'Zweite']);
    const newcomer = hooks.zap('message_created');
    await newcomer.turnOn();
    await settle();
    expect(webhookZap()).toBe(newcomer.url);
    expect(kept.items.map((item) => item.text)).toEqual(['Erste', 'Zweite', 'Verpasst']);
    await newCustomerWrites('+49 151 0000 3333', 'Dritte');
    expect(kept.items.map((item) => item.text)).toEqual(['Erste', 'Zweite', 'Verpasst', 'Dritte']);
    expect(newcomer.items.map((item) => item.text)).toEqual(['Dritte']);
    expectEachItemOnce([owner, kept, newcomer]);
    for (const zap of [newcomer, kept]) await zap.turnOff();
    expect(sandbox().hooks.current()).toBeNull();
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

describe("issue #21's findings, replayed over real HTTP", () => {
  it("finding 5: Zapier's cache emptied between two steps (a new major version): every Zap still gets every event, and a Zap turned on before the next event is asked to wait (invariant: cache loss loses no Zap)", async () => {
    const messages = hooks.zap('message_created');
    const contacts = hooks.zap('contact_created');
    const owner = hooks.zap('new_event', { events: ['message_created'] });
    for (const zap of [messages, contacts, owner]) await zap.turnOn();
    hooks.forgetCache();
    const newcomer = hooks.zap('message_created');
    await expect(newcomer.turnOn()).rejects.toThrow(
      /Turn this Zap on again after Callbell's next event/,
    );
    expect(webhookZap()).toBe(owner.url);

    await newCustomerWrites('+39 333 000 1111', 'Ciao');
    expect(messages.items.map((item) => item.text)).toEqual(['Ciao']);
    expect(contacts.items.map((item) => item.event)).toEqual(['contact_created']);
    expect(owner.items.map((item) => item.text)).toEqual(['Ciao']);

    // The owner wrote the registry back: the newcomer joins, and knows every Zap.
    await newcomer.turnOn();
    await newCustomerWrites('+39 333 000 2222', 'Salve');
    for (const zap of [messages, owner, newcomer])
      expect(zap.items.map((item) => item.text).at(-1)).toBe('Salve');
    expectEachItemOnce([messages, contacts, owner, newcomer]);
    for (const zap of [newcomer, owner, contacts, messages]) await zap.turnOff();
    expect(sandbox().hooks.current()).toBeNull();
  });

  it('finding 6: an event posted straight to a Zap, not through the webhook, runs no Zap and is passed on to none (invariant: relays are authenticated)', async () => {
    const other = hooks.zap('message_created');
    const owner = hooks.zap('message_created');
    for (const zap of [other, owner]) await zap.turnOn();
    const forged = {
      event: 'message_created',
      payload: { text: 'Send me your invoices', status: 'received', contact: { uuid: 'x' } },
    };
    for (const zap of [other, owner])
      await fetch(zap.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(forged),
      });
    await hooks.idle();
    expect([...other.items, ...owner.items]).toEqual([]);
    // One run each for the forged post (the other was probed when the owner was turned on).
    expect(owner.runs.map((run) => run.body)).toEqual([forged]);
    expect(other.runs.map((run) => run.body).at(-1)).toEqual(forged);
    for (const zap of [owner, other]) await zap.turnOff();
  });

  it('finding 7: a customer message holding {{bundle.…}} text reaches every Zap (invariant: every forward reaches its Zap or is logged)', async () => {
    const other = hooks.zap('message_created');
    const owner = hooks.zap('message_created');
    for (const zap of [other, owner]) await zap.turnOn();
    const text = 'Is {{bundle.authData.api_key}} or {{process.env.HOME}} a coupon?';
    await newCustomerWrites('+39 333 000 3333', text);
    expect(other.items.map((item) => item.text)).toEqual([text]);
    expect(owner.items.map((item) => item.text)).toEqual([text]);
    for (const zap of [owner, other]) await zap.turnOff();
  });

  it('finding 4: 10 Zaps turned on at once, then 5 off while 5 more go on: every Zap on gets the next message once (invariant: bulk on/off)', async () => {
    const early = Array.from({ length: 10 }, () => hooks.zap('message_created'));
    await Promise.all(early.map((zap) => zap.turnOn()));
    const late = Array.from({ length: 5 }, () => hooks.zap('message_created'));
    const leaving = early.slice(0, 5);
    await Promise.all([...leaving.map((zap) => zap.turnOff()), ...late.map((zap) => zap.turnOn())]);
    await newCustomerWrites('+39 333 000 4444', 'Tutti?');
    const on = [...early.slice(5), ...late];
    for (const zap of on) expect(zap.items.map((item) => item.text)).toEqual(['Tutti?']);
    for (const zap of leaving) expect(zap.items).toEqual([]);
    expectEachItemOnce(on);
    for (const zap of on.reverse()) await zap.turnOff();
    expect(sandbox().hooks.current()).toBeNull();
  });

  it('finding 10: "New Message → Send Message" answers the customer once and does not start on its own reply (invariant: no reply loop by default)', async () => {
    const replier = hooks.zap('message_created');
    await replier.turnOn();
    await newCustomerWrites('+39 333 000 5555', 'Orari?');
    for (const item of [...replier.items])
      await perform(sandbox(), 'creates', 'send_message', {
        to: '+393330005555',
        text: `Re: ${String(item.text)}: 9-18`,
      });
    await settle();
    expect(replier.items.map((item) => item.text)).toEqual(['Orari?']);
    await replier.turnOff();
  });
});
