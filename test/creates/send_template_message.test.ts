import type { PlainInputField, ZObject } from 'zapier-platform-core';
import {
  performSendTemplateMessage,
  sendTemplateMessageCreate,
  templateFields,
} from '../../src/creates/send_template_message';
import calendly from '../fixtures/sources/calendly-invitee.json';
import templates from '../fixtures/templates.json';
import { API_PATH, appTester, bundleWith, callbellApi } from '../helpers/app';
import { inputErrorOf } from '../helpers/operations';
import {
  expectChannels,
  expectSend as expectSendOf,
  MAIN_CHANNEL,
  runSend,
} from '../helpers/sends';
import channels from '../fixtures/channels.json';

const { reminder, order_shipped: orderShipped, welcome } = templates;

/** The field meta Zapier hands back at send time for the chosen template. */
function metaFor(placeholders: string, templateType: string, text?: string) {
  return {
    inputFields: {
      template_preview: { placeholders, templateType, ...(text === undefined ? {} : { text }) },
    },
  };
}

/** Every send here names the main channel (resolved once per test, see expectSendFromMain). */
function expectSend(body: object) {
  return expectSendOf({ ...body, channel_uuid: MAIN_CHANNEL });
}

/** Runs a template send from the main channel, chosen by the Zap author. */
function run(
  perform: typeof performSendTemplateMessage,
  input: Record<string, unknown>,
  meta: ReturnType<typeof metaFor> | Record<string, never> = {},
) {
  return runSend(perform, { channel_uuid: MAIN_CHANNEL, ...input }, { meta });
}

describe('send_template_message fields', () => {
  it('offers one value per placeholder, labelled with the words around it', async () => {
    callbellApi().get(`${API_PATH}/templates/${reminder.uuid}`).reply(200, { template: reminder });
    const fields = await appTester(
      (z: ZObject, bundle) => templateFields(z, bundle),
      bundleWith({ template_uuid: reminder.uuid }),
    );
    expect(
      fields.map((field: PlainInputField) => [field.key, field.label, field.required]),
    ).toEqual([
      ['template_preview', 'Template Text', undefined],
      ['template_value_1', 'Value for {{1}}', true],
      ['template_value_2', 'Value for {{2}}', true],
      ['template_value_3', 'Value for {{3}}', true],
    ]);
    expect(fields[0]?.meta).toEqual({ placeholders: '1,2,3', templateType: 'text' });
    expect(fields[2]?.helpText).toBe(
      'Fills {{2}} in "…this is a reminder of your {{2}} on {{3}}. Reply YES to…".',
    );
  });

  // template_messages_api/get_template.md types `template` as Template[], its example as an object.
  it.each([
    ['an object', reminder],
    ['a one-element list', [reminder]],
  ])('reads the template answered as %s', async (_case, template) => {
    callbellApi().get(`${API_PATH}/templates/${reminder.uuid}`).reply(200, { template });
    const fields = await appTester(
      (z: ZObject, bundle) => templateFields(z, bundle),
      bundleWith({ template_uuid: reminder.uuid }),
    );
    expect(fields[0]?.meta).toEqual({ placeholders: '1,2,3', templateType: 'text' });
  });

  it.each([
    ['one placeholder', 'Good news {{1}}!', false],
    ['two placeholders', 'Good news {{1}}! Order {{2}} ships.', true],
  ])('with %s, the Media URL help warns about the file: %s', async (_case, text, warns) => {
    callbellApi()
      .get(`${API_PATH}/templates/${orderShipped.uuid}`)
      .reply(200, { template: { ...orderShipped, text } });
    const fields = await appTester(
      (z: ZObject, bundle) => templateFields(z, bundle),
      bundleWith({ template_uuid: orderShipped.uuid }),
    );
    const media = fields.find((field: PlainInputField) => field.key === 'media_url');
    expect(/do not say whether the file goes out/.test(media?.helpText ?? '')).toBe(warns);
  });

  it('asks for the media of a media template', async () => {
    callbellApi()
      .get(`${API_PATH}/templates/${orderShipped.uuid}`)
      .reply(200, { template: orderShipped });
    const fields = await appTester(
      (z: ZObject, bundle) => templateFields(z, bundle),
      bundleWith({ template_uuid: orderShipped.uuid }),
    );
    expect(fields.map((field: PlainInputField) => field.key)).toEqual([
      'template_preview',
      'template_value_1',
      'media_url',
    ]);
  });

  it('keeps the text of a template without placeholders for the send, and asks no value', async () => {
    callbellApi().get(`${API_PATH}/templates/${welcome.uuid}`).reply(200, { template: welcome });
    const fields = await appTester(
      (z: ZObject, bundle) => templateFields(z, bundle),
      bundleWith({ template_uuid: welcome.uuid }),
    );
    expect(fields.map((field: PlainInputField) => field.key)).toEqual(['template_preview']);
    expect(fields[0]?.meta).toEqual({ placeholders: '', templateType: 'text', text: welcome.text });
  });

  it('asks nothing before a template is chosen', async () => {
    await expect(
      appTester((z: ZObject, bundle) => templateFields(z, bundle), bundleWith({})),
    ).resolves.toEqual([]);
  });
});

describe('send_template_message', () => {
  it('sends a Calendly reminder with its three values in one request', async () => {
    const scope = expectSend({
      to: '+14155550132',
      from: 'whatsapp',
      type: 'text',
      template_uuid: reminder.uuid,
      optin_contact: true,
      content: { text: 'Liam Walker' },
      template_values: ['Liam Walker', 'Product demo', '26 Nov, 9:00'],
    });
    const { payload } = calendly;
    await run(
      performSendTemplateMessage,
      {
        to: payload.text_reminder_number,
        template_uuid: reminder.uuid,
        template_value_1: payload.name,
        template_value_2: payload.scheduled_event.name,
        template_value_3: '26 Nov, 9:00',
        optin_contact: 'true',
      },
      metaFor('1,2,3', 'text'),
    );
    scope.done();
  });

  // One value goes in content.text; several in template_values, and post_send_messages.md says
  // "When `template_values` are valid, the values inside `content` will be ignored": the file
  // still goes in content.url under both readings, and Media URL's help says what is known.
  it.each([
    ['a single value in content.text', { template_value_1: 'Ana' }, '1', undefined],
    [
      'several values in template_values, the first in content.text',
      { template_value_1: 'Ana', template_value_2: '1001' },
      '1,2',
      ['Ana', '1001'],
    ],
  ])(
    'sends a media template as its type, with the file and %s',
    async (_case, values, placeholders, templateValues) => {
      const scope = expectSend({
        to: '+31612345678',
        from: 'whatsapp',
        type: 'image',
        template_uuid: orderShipped.uuid,
        optin_contact: true,
        content: { text: 'Ana', url: 'https://cdn.example.com/parcel.jpg' },
        ...(templateValues ? { template_values: templateValues } : {}),
      });
      await run(
        performSendTemplateMessage,
        {
          to: '+31 6 1234 5678',
          template_uuid: orderShipped.uuid,
          media_url: 'https://cdn.example.com/parcel.jpg',
          optin_contact: true,
          ...values,
        },
        metaFor(placeholders, 'image'),
      );
      scope.done();
    },
  );

  it('sends a template without placeholders with its own text as the required content', async () => {
    const scope = expectSend({
      to: '+31612345678',
      from: 'whatsapp',
      type: 'text',
      template_uuid: welcome.uuid,
      optin_contact: true,
      content: { text: welcome.text },
    });
    await run(
      performSendTemplateMessage,
      { to: '+31612345678', template_uuid: welcome.uuid, optin_contact: 'yes' },
      metaFor('', 'text', welcome.text),
    );
    scope.done();
  });

  it('reads a template without placeholders once when its meta predates the text', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/templates/${welcome.uuid}`)
      .reply(200, { template: welcome });
    expectSend({
      to: '+31612345678',
      from: 'whatsapp',
      type: 'text',
      template_uuid: welcome.uuid,
      optin_contact: true,
      content: { text: welcome.text },
    });
    await run(
      performSendTemplateMessage,
      { to: '+31612345678', template_uuid: welcome.uuid, optin_contact: 'yes' },
      metaFor('', 'text'),
    );
    scope.done();
  });

  it.each([
    ['image', 'https://example.com/valid_image.jpeg'],
    ['document', 'https://example.com/valid_document.pdf'],
    ['video', 'https://example.com/valid_video.mp4'],
  ])(
    'sends a media template of type %s as its snippet does: its type, content {text, url}',
    async (type, url) => {
      const scope = expectSend({
        to: '+31612345678',
        from: 'whatsapp',
        type,
        template_uuid: orderShipped.uuid,
        optin_contact: true,
        content: { text: 'John Doe', url },
      });
      await run(
        performSendTemplateMessage,
        {
          to: '+31612345678',
          template_uuid: orderShipped.uuid,
          template_value_1: 'John Doe',
          media_url: url,
          optin_contact: true,
        },
        metaFor('1', type),
      );
      scope.done();
    },
  );

  it("sends from the account's main WhatsApp channel when none is chosen, then from the cache", async () => {
    const lookup = expectChannels('whatsapp', [channels.main_whatsapp]);
    const body = {
      to: '+31612345678',
      from: 'whatsapp',
      type: 'text',
      template_uuid: orderShipped.uuid,
      optin_contact: true,
      content: { text: 'Ana' },
    };
    expectSend(body);
    const input = {
      to: '+31612345678',
      template_uuid: orderShipped.uuid,
      template_value_1: 'Ana',
      optin_contact: true,
    };
    await runSend(performSendTemplateMessage, input, { meta: metaFor('1', 'text') });
    lookup.done();
    const cached = expectSend(body);
    await runSend(performSendTemplateMessage, input, { meta: metaFor('1', 'text'), warm: true });
    cached.done();
  });

  it('reads the template once when Zapier gave no field meta (e.g. zapier invoke)', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/templates/${reminder.uuid}`)
      .reply(200, { template: reminder });
    expectSend({
      to: '+31612345678',
      from: 'whatsapp',
      type: 'text',
      template_uuid: reminder.uuid,
      optin_contact: true,
      content: { text: 'a' },
      template_values: ['a', 'b', 'c'],
    });
    await run(performSendTemplateMessage, {
      to: '+31612345678',
      template_uuid: reminder.uuid,
      template_value_1: 'a',
      template_value_2: 'b',
      template_value_3: 'c',
      optin_contact: true,
    });
    scope.done();
  });

  it.each([
    [
      { template_value_1: 'a', template_value_3: 'c' },
      /^Value for \{\{2\}\}: fill in or map a value for placeholder \{\{2\}\};/,
    ],
    [
      {
        template_value_1: 'a',
        template_value_2: 'b',
        template_value_3: 'c',
        template_value_4: 'd',
      },
      /^Template: the template has 3 placeholder\(s\) but values were given for template_value_4/,
    ],
    [
      {
        template_value_1: 'a',
        template_value_2: 'b',
        template_value_3: 'c',
        optin_contact: 'false',
      },
      /^Contact Opted In: WhatsApp requires the contact to have agreed/,
    ],
    [{ template_uuid: '', template_value_1: 'a' }, /^Template: fill in or map a template;/],
  ])('refuses %j before sending anything', async (values, message) => {
    const input = {
      to: '+31612345678',
      template_uuid: reminder.uuid,
      optin_contact: true,
      ...values,
    };
    expect(
      await inputErrorOf(run(performSendTemplateMessage, input, metaFor('1,2,3', 'text'))),
    ).toMatch(message);
  });

  it('refuses a media template without its media', async () => {
    const input = {
      to: '+31612345678',
      template_uuid: orderShipped.uuid,
      template_value_1: 'Ana',
      optin_contact: true,
    };
    expect(
      await inputErrorOf(run(performSendTemplateMessage, input, metaFor('1', 'image'))),
    ).toMatch(/^Media URL: this image template needs its file/);
  });

  it.each(['instagram', 'telegram'])(
    'offers and sends WhatsApp only (%s refused)',
    async (from) => {
      const fromField = sendTemplateMessageCreate.operation.inputFields.find(
        (field) => typeof field === 'object' && field.key === 'from',
      );
      expect(fromField).toMatchObject({ choices: { whatsapp: 'WhatsApp' } });
      expect(
        await inputErrorOf(
          run(performSendTemplateMessage, {
            from,
            to: '+31612345678',
            template_uuid: 't',
            optin_contact: true,
          }),
        ),
      ).toBe(`Channel Type: "${from}" is not one of the choices. Use one of: whatsapp.`);
    },
  );
});
