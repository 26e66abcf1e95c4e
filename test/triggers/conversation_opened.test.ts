import { conversationOpened } from '../../src/triggers/conversation_opened';
import { API_PATH, appTester, bundleWith, callbellApi } from '../helpers/app';
import {
  deliver,
  deliveryLog,
  documentedDelivery,
  hookOperation,
  itBehavesLikeAHookTrigger,
} from '../helpers/hook-trigger';

const delivery = documentedDelivery('conversation_opened');

describe('conversation_opened', () => {
  itBehavesLikeAHookTrigger(conversationOpened, { events: ['conversation_opened'] });

  it('hands the Zap the conversation link, time and contact', async () => {
    const [output] = await deliver(conversationOpened, delivery);
    expect(output).toMatchObject({
      id: expect.stringMatching(/^eb2b914a977e4ab896e7b886698b3eac-[0-9a-f]{16}$/),
      event: 'conversation_opened',
      created_at: '2023-11-20T17:14:22Z',
      source: 'whatsapp',
      href: 'https://dash.callbell.eu/chat/f3670b13446b412796238b1cd78899f9',
      contact: {
        uuid: 'eb2b914a977e4ab896e7b886698b3eac',
        name: 'John Doe',
        phoneNumberE164: '+331122334455',
      },
    });
  });

  it('gives a reopened conversation a new id', async () => {
    const [first] = await deliver(conversationOpened, delivery);
    const [later] = await deliver(conversationOpened, {
      event: 'conversation_opened',
      payload: {
        ...delivery.payload,
        createdAt: '2024-01-02T09:00:00Z',
        closedAt: '2024-01-02T09:00:00Z',
      },
    });
    expect(later?.id).not.toBe(first?.id);
  });

  it('fills the Zap editor test from the delivery log', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/webhooks/events`)
      .query({ subscriptions: 'conversation_opened', items: '10', page: '1' })
      .reply(200, deliveryLog([delivery]));
    const outputs = await appTester(hookOperation(conversationOpened).performList, bundleWith({}));
    expect(outputs.map((output) => output.event)).toEqual(['conversation_opened']);
    scope.done();
  });
});
