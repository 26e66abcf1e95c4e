import { seed } from '../../sandbox/callbell/seed';
import {
  all,
  AUDIO_URL,
  JOHN,
  liveSandbox,
  MEDIA_URL,
  NEW_NUMBER,
  READ_ROWS,
  verdicts,
  VIDEO_URL,
  WRITE_ROWS,
} from './live-helpers';
import { startZapReceiver } from './helpers';

// `npm run check-live -- --write` against the sandbox answering as Callbell's docs read: what
// it changes, that it touches no other contact, and that it puts everything back it can.

jest.setTimeout(30_000);

const live = liveSandbox();

/** Every contact but the one the run may touch, as the sandbox holds it. */
const othersThan = (uuid: string) =>
  JSON.stringify(
    [...live.current().account.contacts.values()].filter((contact) => contact.uuid !== uuid),
  );

describe('--write', () => {
  it('on a new number: creates, tags, moves, sends, then deletes the test contact; webhook on and off', async () => {
    const sandbox = await live.start();
    const receiver = await startZapReceiver();
    const others = othersThan('');
    const plans: string[][] = [];
    const report = await live.run({
      write: { phone: NEW_NUMBER },
      webhookUrl: receiver.url,
      confirm: async (_account, plan) => plans.push(plan) > 0,
    });
    await receiver.stop();

    expect(verdicts(report)).toEqual({
      ...all(READ_ROWS, 'holds'),
      ...all(WRITE_ROWS, 'holds'),
      // Create Contact's identifier is found by Find Contact (item 5 of issue 22).
      'contacts.create-then-find': 'holds',
      // A new contact never wrote: no audio or video outside the 24-hour window.
      'send.audio-type': 'could not tell',
      'send.video-type': 'could not tell',
      'send.media-template-values': 'could not tell',
      'webhooks.subscribe': 'holds',
      'webhooks.deliveries': 'holds',
      'webhooks.log-without-webhook': 'holds',
      'webhooks.connection-check': 'could not tell',
    });
    // Said first: the webhook it replaces cannot be put back.
    expect(plans[0]?.[0]).toMatch(/ONE webhook per account.*will NOT be restored/);
    // The test contact is gone, every other contact is as it was, and so is the webhook.
    expect(() => sandbox.account.contactByPhone('31687654321')).toThrow();
    expect(othersThan('')).toEqual(others);
    expect(sandbox.hooks.current()).toBeNull();
    expect(report.changes.map(({ what, restored }) => [what, restored])).toEqual([
      ["pointed the account's webhook at the URL given", false],
      ['created the test contact +3168…21', true],
      ['tag "Lead" put on the test contact', true],
      ['two custom fields set on the test contact', true],
      ['moved the test contact between funnel stages', true],
      ['sent 1 template message(s) to +3168…21', false],
    ]);
    // It never deleted what it did not create.
    expect(sandbox.requests.filter((request) => request.startsWith('DELETE '))).toEqual([
      expect.stringMatching(/^DELETE \/contacts\/[0-9a-f]{32}$/),
      'DELETE /webhooks/unsubscribe',
    ]);
    const text = JSON.stringify(report);
    expect(text).not.toContain(sandbox.apiKey);
    expect(text).not.toContain('31687654321');
  });

  it("on the maintainer's own contact: a text in the 24-hour window, and everything put back", async () => {
    const sandbox = await live.start();
    sandbox.account.receive(JOHN, 'Hi, testing');
    const john = sandbox.account.contactByPhone('31612345678');
    john.funnelId = seed.funnels[1]?.uuid ?? null;
    const before = { tags: [...john.tags], funnelId: john.funnelId };
    const others = othersThan(john.uuid);

    const report = await live.run({
      write: { phone: JOHN, audioUrl: AUDIO_URL, videoUrl: VIDEO_URL, mediaUrl: MEDIA_URL },
      existingContact: true,
    });

    expect(verdicts(report)).toMatchObject({
      ...all(WRITE_ROWS, 'holds'),
      'send.audio-type': 'holds',
      'send.video-type': 'holds',
      'contacts.create': 'could not tell',
      'contacts.create-then-find': 'could not tell',
      // The message list documents no attachments (object_types/message.md): the phone tells.
      'send.media-template-values': 'could not tell',
    });
    expect(report.rows.find((entry) => entry.id === 'send.video-type')?.answered).toMatch(
      /as a document: 200.*as type video: 422/,
    );
    expect(
      report.rows.find((entry) => entry.id === 'send.media-template-values')?.answered,
    ).toMatch(/^200.*look on the phone/);
    expect(report.rows.find((entry) => entry.id === 'send.with-channel_uuid')?.answered).toMatch(
      /^text: 200/,
    );
    expect({ tags: john.tags, funnelId: john.funnelId }).toEqual(before);
    expect(sandbox.account.contacts.has(john.uuid)).toBe(true);
    expect(othersThan(john.uuid)).toEqual(others);
    // Only John's record was written to.
    const writes = sandbox.requests.filter((request) =>
      /^(PATCH|PUT|POST) \/contacts\//.test(request),
    );
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((request) => request.includes(john.uuid))).toBe(true);
  });

  it('leaves a contact of yours in no funnel stage alone: it could not be taken out again', async () => {
    const sandbox = await live.start();
    const report = await live.run({ write: { phone: JOHN } });
    expect(verdicts(report)).toMatchObject(
      all(['funnels.put-route', 'funnels.post-route', 'funnels.action'], 'could not tell'),
    );
    expect(sandbox.account.contactByPhone('31612345678').funnelId).toBeNull();
    expect(sandbox.requests.some((request) => request.includes('update_funnel'))).toBe(false);
  });
});
