import { seed } from '../../sandbox/callbell/seed';
import type { Sandbox } from '../../sandbox/callbell/server';
import { idIncludesDeliveryTime } from '../../src/webhooks/event-id';
import type { CallbellEvent } from '../../src/webhooks/events';
import { hookStep, perform, startZapReceiver, useSandbox } from './helpers';

const sandbox = useSandbox();

/** How to make each event happen in the sandbox, as a customer, an agent or a Zap would. */
const CAUSES: Record<string, (s: Sandbox) => unknown> = {
  message_created: (s) => s.account.receive('+34 612 345 678', 'Hola'),
  contact_created: (s) =>
    s.account.createContact({ identifier: '+4917612345678', source: 'whatsapp', name: 'Lena' }),
  contact_updated: (s) =>
    s.account.updateContact(s.account.contactByPhone('31612345678').uuid, { tags: ['VIP'] }),
  conversation_closed: (s) =>
    s.account.setConversation(s.account.contactByPhone('31612345678').uuid, false),
  conversation_opened: (s) =>
    s.account.setConversation(s.account.contactByPhone('31612345678').uuid, true),
  contact_deleted: async (s) => {
    const uuid = s.account.contactByPhone('4917612345678').uuid;
    await perform(s, 'creates', 'close_conversation', { contact_uuid: uuid });
    const response = await fetch(`${s.apiUrl}/contacts/${uuid}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${s.apiKey}` },
    });
    expect(response.status).toBe(200);
  },
  agent_status_updated: (s) => s.account.setAgentStatus('joao@example-shop.com', true),
  agent_session_updated: (s) => s.account.agentSession('li@example-shop.com', 'user_logged_out'),
  team_membership_updated: (s) =>
    s.account.teamMembership(seed.teams[1]?.uuid ?? '', 'li@example-shop.com', 'agent_added'),
  message_status_updated: async (s) => {
    const sent = await perform(s, 'creates', 'send_message', { to: '+31612345678', text: 'Ping' });
    s.account.advance(String(sent.uuid), 'delivered');
  },
};

describe.each(Object.keys(CAUSES))('%s over real HTTP', (key) => {
  it("takes the account's webhook, runs on its own event alone and maps it", async () => {
    const zap = await startZapReceiver();
    try {
      await hookStep(sandbox(), key, 'performSubscribe', {}, { targetUrl: zap.url });
      // Every event when it finds no list of Zaps (the cache may have forgotten older ones,
      // docs/webhooks.md), its own when an earlier test's turn-off left an empty one.
      expect(sandbox().hooks.current()?.subscriptions).toContain(key);
      await CAUSES[key]?.(sandbox());
      await sandbox().hooks.idle();
      expect((zap.bodies as { event: string }[]).map((body) => body.event)).toContain(key);
      const runs = await Promise.all(
        zap.bodies.map((body) =>
          perform<Record<string, unknown>[]>(
            sandbox(),
            'triggers',
            key,
            {},
            { cleanedRequest: body },
          ),
        ),
      );
      const outputs = runs.flat();
      expect(outputs).toEqual([expect.objectContaining({ event: key, id: expect.any(String) })]);
      const [recent] = (await hookStep(sandbox(), key, 'performList')) as { id: string }[];
      // The log dates a delivery by when Callbell sent it, a live POST by when it is read: the
      // ids of events whose body can repeat word for word include that time, the others not.
      if (idIncludesDeliveryTime(key as CallbellEvent)) {
        expect({ ...recent, id: '' }).toEqual({ ...outputs[0], id: '' });
        expect(recent?.id.replace(/-\w+$/, '')).toBe(String(outputs[0]?.id).replace(/-\w+$/, ''));
      } else {
        expect(recent?.id).toBe(outputs[0]?.id);
      }
    } finally {
      await hookStep(sandbox(), key, 'performUnsubscribe', {}, { targetUrl: zap.url });
      await zap.stop();
    }
  });
});
