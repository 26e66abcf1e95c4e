import { seed } from '../../sandbox/callbell/seed';
import { appTester, bundleFor, operation, perform, useSandbox, type Perform } from './helpers';

const sandbox = useSandbox();
const john = seed.contacts[0];
const [orderConfirmation, reminder, shipped] = seed.templates;

describe('actions and searches over real HTTP', () => {
  it('send_message: the first send looks up the main channel (2 requests), later ones use the cache (1)', async () => {
    const before = sandbox().requests.length;
    const result = await perform(sandbox(), 'creates', 'send_message', {
      to: '+31 6 1234 5678',
      text: 'Your order shipped!',
    });
    expect(sandbox().requests.slice(before)).toEqual(['GET /channels', 'POST /messages/send']);
    expect(sandbox().account.messages.at(-1)).toMatchObject({ text: 'Your order shipped!' });

    const again = sandbox().requests.length;
    await perform(sandbox(), 'creates', 'send_message', { to: '+31612345678', text: 'Thanks!' });
    expect(sandbox().requests.slice(again)).toEqual(['POST /messages/send']);
    expect(result).toMatchObject({
      status: 'enqueued',
      contact: { uuid: john?.uuid, phoneNumberE164: '+31612345678' },
    });
  });

  it('send_message: outside the window Callbell refuses and the user is told to use a template', async () => {
    await expect(
      perform(sandbox(), 'creates', 'send_message', { to: '+55 11 98765-4321', text: 'Hi' }),
    ).rejects.toThrow(/^.*Use the Send Template Message action instead.*24 hour window/);
  });

  it('send_template_message: fields come from the template, then one send', async () => {
    const inputFields = operation('creates', 'send_template_message').inputFields ?? [];
    const templateFields = inputFields.find((field) => typeof field === 'function') as Perform;
    const fields = (await appTester(
      templateFields,
      bundleFor(sandbox(), { template_uuid: reminder?.uuid }),
    )) as { key: string; meta?: object }[];
    expect(fields.map((field) => field.key)).toEqual([
      'template_preview',
      'template_value_1',
      'template_value_2',
      'template_value_3',
    ]);
    const before = sandbox().requests.length;
    const result = await perform(
      sandbox(),
      'creates',
      'send_template_message',
      {
        to: '+1 415-555-0132',
        template_uuid: reminder?.uuid,
        template_value_1: 'Liam',
        template_value_2: 'demo',
        template_value_3: 'Thursday',
        optin_contact: true,
      },
      { meta: { inputFields: { template_preview: fields[0]?.meta } } },
    );
    expect(sandbox().requests.slice(before)).toEqual(['POST /messages/send']);
    expect(result).toMatchObject({ status: 'enqueued' });
    expect(sandbox().account.messages.at(-1)?.text).toBe(
      'Hi Liam, this is a reminder of your demo on Thursday. Reply YES to confirm.',
    );
  });

  it('send_template_message: a media template with its image', async () => {
    await perform(sandbox(), 'creates', 'send_template_message', {
      to: '+5511987654321',
      template_uuid: shipped?.uuid,
      template_value_1: 'Beatriz',
      media_url: 'https://cdn.example.com/parcel.jpg',
      optin_contact: true,
    });
    expect(sandbox().account.messages.at(-1)).toMatchObject({
      attachments: ['https://cdn.example.com/parcel.jpg'],
    });
  });

  it('create, find, update, note, funnel, bot, close and reopen a contact', async () => {
    const s = sandbox();
    const created = await perform(s, 'creates', 'create_contact', {
      phone: '020 7946 0958',
      default_country: 'GB',
      name: 'Olivia Brown',
      tags: ['lead'],
      custom_fields: { Plan: 'Pro', Birthday: '1990-04-01' },
      checkbox_custom_fields: { Interests: 'Shoes, Hats' },
      assigned_user: 'maria@example-shop.com',
    });
    expect(created).toMatchObject({
      name: 'Olivia Brown',
      phoneNumberE164: '+442079460958',
      tags: ['Lead'],
      assignedUser: 'maria@example-shop.com',
      customFields: { Plan: 'Pro', Birthday: '1990-04-01', Interests: ['Shoes', 'Hats'] },
    });

    const [found] = await perform<Record<string, unknown>[]>(s, 'searches', 'find_contact', {
      phone: '+44 20 7946 0958',
    });
    expect(found?.uuid).toBe(created.uuid);

    const updated = await perform(s, 'creates', 'update_contact', {
      phone: '+44 20 7946 0958',
      tags: ['Customer'],
      note: 'VIP buyer',
    });
    // Tags Mode defaults to adding: the tag she had stays.
    expect(updated).toMatchObject({
      tags: ['Lead', 'Customer'],
      note: 'VIP buyer',
      name: 'Olivia Brown',
    });
    await expect(
      perform(s, 'creates', 'update_contact', {
        contact_uuid: created.uuid,
        tags: ['lead'],
        tags_mode: 'remove',
      }),
    ).resolves.toMatchObject({ tags: ['Customer'] });
    await expect(
      perform(s, 'creates', 'update_contact', {
        contact_uuid: created.uuid,
        tags: ['VIP'],
        tags_mode: 'replace',
      }),
    ).resolves.toMatchObject({ tags: ['VIP'] });

    await expect(
      perform(s, 'creates', 'add_conversation_note', {
        contact_uuid: created.uuid,
        text: '@maria call her',
      }),
    ).resolves.toMatchObject({ success: true });
    await expect(
      perform(s, 'creates', 'update_conversation_funnel', {
        contact_uuid: created.uuid,
        funnel_id: seed.funnels[2]?.uuid,
      }),
    ).resolves.toMatchObject({ funnelId: seed.funnels[2]?.uuid });
    await expect(
      perform(s, 'creates', 'set_bot_status', { contact_uuid: created.uuid, status: 'bot_end' }),
    ).resolves.toMatchObject({ status: 'ended', version: 5 });
    await expect(
      perform(s, 'creates', 'close_conversation', { contact_uuid: created.uuid }),
    ).resolves.toMatchObject({ closedAt: expect.any(String) });
    await expect(
      perform(s, 'creates', 'open_conversation', { contact_uuid: created.uuid }),
    ).resolves.toMatchObject({ closedAt: null });
  });

  it('find_contacts, find_conversation_messages and delete_contact', async () => {
    const s = sandbox();
    s.account.receive('+49 176 9876 5432', 'Is my order on its way?');
    const customer = s.account.contactByPhone('4917698765432');
    await perform(s, 'creates', 'update_contact', {
      contact_uuid: customer.uuid,
      tags: ['Enterprise'],
      checkbox_custom_fields: { Interests: 'Bags' },
    });
    s.account.receive('+49 176 9876 5432', 'Hello?');
    await perform(s, 'creates', 'add_conversation_note', {
      contact_uuid: customer.uuid,
      text: 'Chase the courier',
    });

    const [found] = await perform<Record<string, unknown>[]>(s, 'searches', 'find_contacts', {
      tags: ['enterprise'],
      source: 'whatsapp',
    });
    expect(found).toMatchObject({
      id: customer.uuid,
      customFields: { Interests: ['Bags'] },
      complete: true,
    });
    expect(found?.count).toBe(1);

    const before = s.requests.length;
    const [last] = await perform<Record<string, unknown>[]>(
      s,
      'searches',
      'find_conversation_messages',
      { phone: '+49 176 9876 5432', direction: 'received', max_results: 1 },
    );
    expect(s.requests.slice(before)).toEqual([
      'GET /contacts/phone/4917698765432',
      `GET /contacts/${customer.uuid}/messages`,
    ]);
    expect(last).toMatchObject({ text: 'Hello?', status: 'received', count: 1 });

    const beforeDelete = s.requests.length;
    await expect(
      perform(s, 'creates', 'delete_contact', { contact_uuid: customer.uuid, confirm: false }),
    ).rejects.toThrow(/Leave Confirm Deletion empty or set it to Yes/);
    expect(s.requests.slice(beforeDelete)).toEqual([]);
    await expect(
      perform(s, 'creates', 'delete_contact', { contact_uuid: customer.uuid }),
    ).resolves.toMatchObject({ deleted: true, status: 'contact was destroyed' });
    await expect(
      perform(s, 'searches', 'find_contact', { contact_uuid: customer.uuid }),
    ).resolves.toEqual([]);
  });

  it('find_team_members: only the available members of a team', async () => {
    const sales = seed.teams[1];
    const [found] = await perform<Record<string, unknown>[]>(
      sandbox(),
      'searches',
      'find_team_members',
      { team_uuid: sales?.uuid, status: 'available' },
    );
    expect(found).toMatchObject({ email: 'maria@example-shop.com', available: true, count: 1 });
  });

  it('create_contact: an invalid custom field value is explained', async () => {
    await expect(
      perform(sandbox(), 'creates', 'create_contact', {
        phone: '+33 1 23 45 67 89',
        name: 'Jean',
        custom_fields: { Birthday: '01/04/1990' },
      }),
    ).rejects.toThrow(/dates as YYYY-MM-DD.*Birthday is not a valid date/);
  });

  it('find_contact: nobody with that number is an empty result', async () => {
    await expect(
      perform(sandbox(), 'searches', 'find_contact', { phone: '+1 212 555 0123' }),
    ).resolves.toEqual([]);
  });

  it('find_message_status: follows a message through its statuses', async () => {
    const sent = await perform(sandbox(), 'creates', 'send_message', {
      to: '+31612345678',
      text: 'Status check',
    });
    sandbox().account.advance(String(sent.uuid), 'failed', 'Message undeliverable');
    await expect(
      perform(sandbox(), 'searches', 'find_message_status', { message_uuid: sent.uuid }),
    ).resolves.toEqual([
      expect.objectContaining({
        uuid: sent.uuid,
        status: 'failed',
        failure_reason: 'Message undeliverable',
      }),
    ]);
  });

  it('fills every dropdown', async () => {
    const fill = (key: string) =>
      perform<{ id: string; name: string }[]>(
        sandbox(),
        'triggers',
        key,
        {},
        {
          meta: { page: 0 },
        },
      );
    await expect(fill('channel_list')).resolves.toEqual([
      { id: seed.channels[0]?.uuid, name: 'Example Shop WhatsApp (WhatsApp, main)' },
      { id: seed.channels[1]?.uuid, name: 'Example Shop Instagram (Instagram)' },
    ]);
    const templates = await fill('template_list');
    expect(templates.map((template) => template.id)).toContain(orderConfirmation?.uuid);
    expect(templates).toHaveLength(5);
    await expect(fill('team_list')).resolves.toHaveLength(2);
    await expect(fill('user_list')).resolves.toEqual([
      { id: 'maria@example-shop.com', name: 'Maria Rossi (maria@example-shop.com)' },
      { id: 'li@example-shop.com', name: 'Li Wei (li@example-shop.com)' },
      { id: 'joao@example-shop.com', name: 'João Pereira (joao@example-shop.com)' },
    ]);
    await expect(fill('funnel_list')).resolves.toHaveLength(3);
  });
});
