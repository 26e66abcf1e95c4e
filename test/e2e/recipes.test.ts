import { isObject } from '../../src/values';
import { seed } from '../../sandbox/callbell/seed';
import calendly from '../fixtures/sources/calendly-invitee.json';
import shopify from '../fixtures/sources/shopify-order.json';
import typeform from '../fixtures/sources/typeform-response.json';
import { hookStep, perform, startZapReceiver, useSandbox } from './helpers';

const sandbox = useSandbox();
const [orderConfirmation, reminder] = seed.templates;

/** The Zaps the integration is for, each from a realistic payload of the source app. */
describe('recipes', () => {
  it('new Shopify order → WhatsApp order confirmation template', async () => {
    const result = await perform(sandbox(), 'creates', 'send_template_message', {
      to: shopify.shipping_address.phone,
      default_country: shopify.shipping_address.country_code,
      template_uuid: orderConfirmation?.uuid,
      template_value_1: shopify.customer.first_name,
      template_value_2: shopify.name,
      optin_contact: true,
      metadata: { shopify_order_id: String(shopify.id) },
    });
    expect(result).toMatchObject({
      status: 'enqueued',
      contact: { phoneNumberE164: '+31612345678' },
    });
    expect(sandbox().account.messages.at(-1)).toMatchObject({
      text: 'Hi Ana, thanks for your order #1001! We will let you know when it ships.',
      metadata: { shopify_order_id: '5678901234' },
    });
  });

  it('Calendly booking → template reminder', async () => {
    const { payload } = calendly;
    await perform(sandbox(), 'creates', 'send_template_message', {
      to: payload.text_reminder_number,
      template_uuid: reminder?.uuid,
      template_value_1: payload.name,
      template_value_2: payload.scheduled_event.name,
      template_value_3: '26 Nov at 9:00',
      optin_contact: true,
    });
    expect(sandbox().account.messages.at(-1)).toMatchObject({
      to: '14155550132',
      text: expect.stringContaining('Liam Walker'),
    });
  });

  it('Typeform entry → find or create the contact (a second entry finds it)', async () => {
    const answers = typeform.form_response.answers;
    const phone = answers.find((answer) => answer.type === 'phone_number')?.phone_number;
    const name = answers.find((answer) => answer.field.ref === 'full_name')?.text;
    const plan = answers.find((answer) => answer.field.ref === 'plan')?.choice?.label;
    const findOrCreate = async () => {
      const found = await perform<Record<string, unknown>[]>(
        sandbox(),
        'searches',
        'find_contact',
        { phone },
      );
      if (found.length) return { created: false, contact: found[0] };
      const contact = await perform(sandbox(), 'creates', 'create_contact', {
        phone,
        name: `${name} (new)`,
        custom_fields: { Plan: plan },
        tags: ['Lead'],
      });
      return { created: true, contact };
    };
    // Beatriz is already a contact in the sandbox: found, not duplicated.
    await expect(findOrCreate()).resolves.toMatchObject({
      created: false,
      contact: { name: 'Beatriz Lima' },
    });
    sandbox().account.contacts.delete(seed.contacts[1]?.uuid ?? '');
    await expect(findOrCreate()).resolves.toMatchObject({
      created: true,
      contact: { customFields: { Plan: 'Enterprise' }, tags: ['Lead'] },
    });
    await expect(findOrCreate()).resolves.toMatchObject({ created: false });
  });

  it('new received message → chatbot-style reply in the open 24-hour window', async () => {
    const zap = await startZapReceiver();
    try {
      await hookStep(
        sandbox(),
        'message_created',
        'performSubscribe',
        { direction: 'received' },
        { targetUrl: zap.url },
      );
      sandbox().account.receive('+33 6 12 34 56 78', 'What are your opening hours?');
      await sandbox().hooks.idle();
      const [message] = await perform<Record<string, { phoneNumberE164: string }>[]>(
        sandbox(),
        'triggers',
        'message_created',
        { direction: 'received' },
        // A new number also makes a contact_created delivery: the webhook carries every event.
        {
          cleanedRequest: zap.bodies.find(
            (body) => isObject(body) && body.event === 'message_created',
          ),
        },
      );
      const reply = await perform(sandbox(), 'creates', 'send_message', {
        to: message?.contact?.phoneNumberE164,
        text: 'We are open 9:00-18:00, Monday to Saturday.',
        bot_status: 'bot_start',
      });
      expect(reply).toMatchObject({
        status: 'enqueued',
        contact: { phoneNumberE164: '+33612345678' },
      });
      await hookStep(
        sandbox(),
        'message_created',
        'performUnsubscribe',
        {},
        { targetUrl: zap.url },
      );
    } finally {
      await zap.stop();
    }
  });

  it('new contact → the fields a CRM step maps', async () => {
    const zap = await startZapReceiver();
    try {
      await hookStep(sandbox(), 'contact_created', 'performSubscribe', {}, { targetUrl: zap.url });
      await perform(sandbox(), 'creates', 'create_contact', {
        phone: '+61 412 345 678',
        name: 'Jack Smith',
        tags: ['Shopify'],
        custom_fields: { Email: 'jack@example.com' },
      });
      await sandbox().hooks.idle();
      const [contact] = await perform<Record<string, unknown>[]>(
        sandbox(),
        'triggers',
        'contact_created',
        {},
        { cleanedRequest: zap.bodies[0] },
      );
      expect(contact).toMatchObject({
        name: 'Jack Smith',
        phoneNumberE164: '+61412345678',
        tags: ['Shopify'],
        customFields: { Email: 'jack@example.com' },
        href: expect.stringMatching(/^https:\/\/dash\.callbell\.eu\/contacts\//),
      });
      await hookStep(
        sandbox(),
        'contact_created',
        'performUnsubscribe',
        {},
        { targetUrl: zap.url },
      );
    } finally {
      await zap.stop();
    }
  });
});
