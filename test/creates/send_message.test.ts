import { performSendMessage } from '../../src/creates/send_message';
import shopifyOrder from '../fixtures/sources/shopify-order.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { inputErrorOf, run } from '../helpers/operations';

const contact = {
  uuid: 'c7b3d1216d4c4dcd908199d6700f2381',
  name: 'Ana Souza',
  phoneNumber: '31612345678',
  conversationHref: 'https://dash.callbell.eu/chat/aa11',
  tags: [],
};

function expectSend(
  body: object,
  answer: object = { message: { uuid: 'm1', status: 'enqueued' } },
) {
  return callbellApi()
    .post(`${API_PATH}/messages/send`, { ...body, fields: 'contact,conversation' })
    .reply(200, answer);
}

describe('send_message', () => {
  it('sends a Shopify order confirmation to the customer phone in one request', async () => {
    const scope = expectSend(
      {
        to: '+31612345678',
        from: 'whatsapp',
        type: 'text',
        content: { text: 'Thanks Ana! Order #1001 (EUR 59.90) is confirmed.' },
        metadata: { order_id: '#1001' },
      },
      {
        message: {
          uuid: 'adf3d1216d4c4dcd908199d6700f2381',
          status: 'enqueued',
          contact: [contact],
          conversation: { href: 'https://dash.callbell.eu/chat/aa11' },
        },
      },
    );

    const result = await run(performSendMessage, {
      to: shopifyOrder.customer.phone,
      text: `Thanks ${shopifyOrder.customer.first_name}! Order ${shopifyOrder.name} (${shopifyOrder.currency} ${shopifyOrder.total_price}) is confirmed.`,
      metadata: { order_id: shopifyOrder.name },
    });

    expect(result).toMatchObject({
      id: 'adf3d1216d4c4dcd908199d6700f2381',
      uuid: 'adf3d1216d4c4dcd908199d6700f2381',
      status: 'enqueued',
      conversationHref: 'https://dash.callbell.eu/chat/aa11',
      contact: { uuid: contact.uuid, name: 'Ana Souza', phoneNumberE164: '+31612345678' },
      conversation: { href: 'https://dash.callbell.eu/chat/aa11' },
    });
    scope.done();
  });

  it("reads the shipping address's national number with the order's country", async () => {
    const scope = expectSend({
      to: '+31612345678',
      from: 'whatsapp',
      type: 'text',
      content: { text: 'Shipped!' },
    });
    await run(performSendMessage, {
      to: shopifyOrder.shipping_address.phone,
      default_country: shopifyOrder.shipping_address.country_code,
      text: 'Shipped!',
    });
    scope.done();
  });

  it('sends from a chosen channel with assignment, bot status and metadata', async () => {
    const scope = expectSend({
      to: '+12015550123',
      from: 'whatsapp',
      channel_uuid: '35f6f8cc-b550-4278-a2ea-099f3a4e0730',
      type: 'text',
      content: { text: 'Hi' },
      assigned_user: 'maria@example-shop.com',
      team_uuid: 'b1c2',
      bot_status: 'bot_end',
    });
    await run(performSendMessage, {
      channel_uuid: '35f6f8cc-b550-4278-a2ea-099f3a4e0730',
      to: '+1 (201) 555-0123',
      type: 'text',
      text: 'Hi',
      assigned_user: 'maria@example-shop.com',
      team_uuid: 'b1c2',
      bot_status: 'bot_end',
    });
    scope.done();
  });

  it('sends an image with a caption, and a document without one', async () => {
    const scope = expectSend({
      to: '+31612345678',
      from: 'whatsapp',
      type: 'image',
      content: { url: 'https://cdn.example.com/receipt.png', text: 'Your receipt' },
    });
    await run(performSendMessage, {
      to: '+31612345678',
      type: 'image',
      media_url: 'https://cdn.example.com/receipt.png',
      text: 'Your receipt',
    });
    expectSend({
      to: '+31612345678',
      from: 'whatsapp',
      type: 'document',
      content: { url: 'https://cdn.example.com/invoice.pdf' },
    });
    await run(performSendMessage, {
      to: '+31612345678',
      type: 'document',
      media_url: 'https://cdn.example.com/invoice.pdf',
    });
    scope.done();
  });

  it('sends to a BSUID, and to an Instagram contact ID as given', async () => {
    expectSend({
      bsuid: 'US.13491208655302741918',
      from: 'whatsapp',
      type: 'text',
      content: { text: 'Hi' },
    });
    await run(performSendMessage, { bsuid: 'US.13491208655302741918', text: 'Hi' });
    expectSend({
      to: '17841400000000000',
      from: 'instagram',
      type: 'text',
      content: { text: 'Hi' },
    });
    await run(performSendMessage, { from: 'instagram', to: ' 17841400000000000 ', text: 'Hi' });
  });

  it.each([
    [{ text: 'Hi' }, /^To \(Phone Number or Contact ID\): a recipient is required/],
    [{ to: '555-555-SHIP', default_country: 'US', text: 'Hi' }, /"555-555-SHIP" contains letters/],
    [
      { to: '0612345678', text: 'Hi' },
      /"0612345678" is not a valid phone number\. Add the country code/,
    ],
    [{ to: '+31612345678' }, /^Text: the message text is required/],
    [
      { to: '+31612345678', type: 'image' },
      /^Media URL: a link to the file is required for a message of type image/,
    ],
    [
      { to: '+31612345678', type: 'image', media_url: 'http://example.com/a.png' },
      /^Media URL: "http:\/\/example.com\/a.png" is not an https:\/\/ URL/,
    ],
    [
      { to: '+31612345678', type: 'video', media_url: 'not a url' },
      /^Media URL: "not a url" is not a URL/,
    ],
    [
      { to: '+31612345678', type: 'audio', media_url: 'https://x.example/a.ogg', text: 'cap' },
      /^Text: Callbell shows a caption only with images/,
    ],
    [
      { to: '+31612345678', type: 'sticker', text: 'x' },
      /^Message Type: "sticker" is not one of the choices\. Use one of: text, image, document, audio, video/,
    ],
    [
      { to: '+31612345678', text: 'x', assigned_user: 'Maria' },
      /^Assign to User: "Maria" is not an email address/,
    ],
    [
      { to: '+31612345678', text: 'x', bot_status: 'pause' },
      /^Bot: "pause" is not one of the choices/,
    ],
    [
      {
        to: '+31612345678',
        text: 'x',
        metadata: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])),
      },
      /^Metadata: has 11 keys; Callbell accepts at most 10/,
    ],
    [
      { to: '+31612345678', text: 'x', metadata: { ['k'.repeat(51)]: 'v' } },
      /^Metadata: the key "k+…?" is 51 characters; Callbell accepts at most 50/,
    ],
    [
      { to: '+31612345678', text: 'x', metadata: { note: 'v'.repeat(501) } },
      /^Metadata: the value of "note" is 501 characters; Callbell accepts at most 500/,
    ],
    [
      { to: '+31612345678', text: 'x', from: 'sms' },
      /^Channel Type: "sms" is not one of the choices/,
    ],
  ])('refuses %j before sending anything', async (input, message) => {
    expect(await inputErrorOf(run(performSendMessage, input))).toMatch(message);
  });

  it('explains the 24-hour window when Callbell refuses a free-form message', async () => {
    callbellApi()
      .post(`${API_PATH}/messages/send`)
      .reply(422, { error: 'Outside of the 24h window, use a template' });
    await expect(run(performSendMessage, { to: '+31612345678', text: 'Hi again' })).rejects.toThrow(
      /use the Send Template Message action instead/,
    );
  });

  it('reports a server error once and never sends twice', async () => {
    const scope = callbellApi().post(`${API_PATH}/messages/send`).once().reply(502, 'Bad gateway');
    await expect(run(performSendMessage, { to: '+31612345678', text: 'Hi' })).rejects.toThrow(
      /temporarily unavailable \(HTTP 502\)\. The request was not re-sent automatically/,
    );
    scope.done();
  });
});
