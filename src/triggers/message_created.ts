import { messageCreatedSample } from '../samples/message_created';
import { hookTrigger } from '../webhooks/hook-trigger';
import { messageOutputFields } from '../webhooks/output-fields';

const DIRECTIONS = {
  any: 'Received and Sent',
  received: 'Received From Contacts',
  sent: 'Sent by Your Team, Bots or API',
};

export const messageCreated = hookTrigger({
  key: 'message_created',
  noun: 'Message',
  label: 'New Message',
  description:
    'Triggers when a message is received from a contact or sent to one in any Callbell conversation (WhatsApp, Instagram, Messenger, Telegram).',
  events: () => ['message_created'],
  inputFields: [
    {
      key: 'direction',
      label: 'Direction',
      choices: DIRECTIONS,
      default: 'any',
      required: false,
      helpText:
        'Which messages start this Zap. Choose "Received From Contacts" for a chatbot or CRM reply, so the Zap does not react to its own messages.',
    },
  ],
  wants: (output, bundle) => {
    const direction = bundle.inputData.direction;
    return !direction || direction === 'any' || output.status === direction;
  },
  sample: messageCreatedSample,
  outputFields: messageOutputFields,
});
