import type { Bundle, Create, ZObject } from 'zapier-platform-core';
import { BOT_STATUSES, contactUuidOf, setBotStatus } from '../api/contacts';
import { contactTargetFields, readContactTarget } from '../fields/contact-target';
import { oneOf, objectOrEmpty, outputTime, stringOrNull } from '../values';
import { InputError } from '../input-error';
import { EXAMPLE_IDS, type Example } from '../example';

interface BotResult {
  id: string;
  contact_uuid: string;
  status: string | null;
  name: string | null;
  conversationStartedAt: string | null;
  version: string | null;
}

export async function performSetBotStatus(z: ZObject, bundle: Bundle): Promise<BotResult> {
  const status = oneOf(bundle.inputData.status, BOT_STATUSES, 'Bot');
  if (!status) throw new InputError('Bot', 'choose whether to start or stop the bot.');
  const uuid = await contactUuidOf(z, readContactTarget(bundle.inputData));
  const answer = await setBotStatus(z, uuid, status);
  const bot = objectOrEmpty(answer.bot);
  return {
    id: uuid,
    contact_uuid: uuid,
    status: stringOrNull(bot.status) ?? status,
    name: stringOrNull(bot.name),
    conversationStartedAt: outputTime(bot.conversationStartedAt),
    version: stringOrNull(bot.version),
  };
}

export const setBotStatusCreate = {
  key: 'set_bot_status',
  noun: 'Bot',
  display: {
    label: 'Start or Stop Bot for Contact',
    description: 'Starts or stops your bot for one contact, e.g. to hand the chat to a person.',
  },
  operation: {
    inputFields: [
      {
        key: 'status',
        label: 'Bot',
        choices: BOT_STATUSES,
        required: true,
        helpText:
          'Start the bot to let it answer this contact, or stop it so your team takes over.',
      },
      ...contactTargetFields,
    ],
    perform: performSetBotStatus,
    sample: {
      id: 'eb2b914a977e4ab896e7b886698b3eac',
      contact_uuid: 'eb2b914a977e4ab896e7b886698b3eac',
      status: 'bot_end',
      name: 'Order Assistant',
      conversationStartedAt: '2026-11-20T10:00:00Z',
      version: '3',
    },
    outputFields: [
      { key: 'id', label: 'ID' },
      { key: 'contact_uuid', label: 'Contact ID' },
      { key: 'status', label: 'Bot Status' },
      { key: 'name', label: 'Bot Name' },
      { key: 'conversationStartedAt', label: 'Bot Conversation Started At', type: 'datetime' },
      { key: 'version', label: 'Bot Version' },
    ],
  },
} satisfies Create;

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: { contact_uuid: EXAMPLE_IDS.contact, status: 'bot_end' },
  requests: [`POST /contacts/${EXAMPLE_IDS.contact}/bot`],
};
