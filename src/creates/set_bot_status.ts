import type { Bundle, Create, ZObject } from 'zapier-platform-core';
import { BOT_STATUSES, contactUuidOf, setBotStatus, type BotStatus } from '../api/contacts';
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
  version: number | null;
  latestBotVersion: boolean | null;
}

/**
 * The bot's statuses are `in_progress`, `started` and `ended` (object_types/bot.md; the answer
 * of post_contact_bot.md shows `started`), while the request says `bot_start` or `bot_end`. An
 * answer that names the opposite of what was asked means the change did not happen.
 */
const CONTRADICTING: Record<BotStatus, string[]> = {
  bot_start: ['ended'],
  bot_end: ['started', 'in_progress'],
};

function checkStatus(z: ZObject, asked: BotStatus, status: string | null): void {
  if (status === null || !CONTRADICTING[asked].includes(status)) return;
  throw new z.errors.Error(
    `Check the bot in Callbell first: it was asked to ${asked === 'bot_start' ? 'start' : 'stop'} but Callbell answered that its status is "${status}". Is a bot enabled under Bots?`,
    'BotStatusUnchanged',
    409,
  );
}

export async function performSetBotStatus(z: ZObject, bundle: Bundle): Promise<BotResult> {
  const status = oneOf(bundle.inputData.status, BOT_STATUSES, 'Bot');
  if (!status) throw new InputError('Bot', 'choose whether to start or stop the bot.');
  const uuid = await contactUuidOf(z, readContactTarget(bundle.inputData));
  const answer = await setBotStatus(z, uuid, status);
  const bot = objectOrEmpty(answer.bot);
  const answered = stringOrNull(bot.status);
  checkStatus(z, status, answered);
  return {
    id: uuid,
    contact_uuid: uuid,
    status: answered,
    name: stringOrNull(bot.name),
    conversationStartedAt: outputTime(bot.conversationStartedAt),
    // An integer and a boolean in object_types/bot.md.
    version: typeof bot.version === 'number' ? bot.version : null,
    latestBotVersion: typeof bot.latestBotVersion === 'boolean' ? bot.latestBotVersion : null,
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
    // The bot of object_types/bot.md, after a stop.
    sample: {
      id: 'eb2b914a977e4ab896e7b886698b3eac',
      contact_uuid: 'eb2b914a977e4ab896e7b886698b3eac',
      status: 'ended',
      name: 'My Bot',
      conversationStartedAt: '2024-03-11T17:57:09Z',
      version: 5,
      latestBotVersion: true,
    },
    outputFields: [
      { key: 'id', label: 'ID' },
      { key: 'contact_uuid', label: 'Contact ID' },
      { key: 'status', label: 'Bot Status' },
      { key: 'name', label: 'Bot Name' },
      { key: 'conversationStartedAt', label: 'Bot Conversation Started At', type: 'datetime' },
      { key: 'version', label: 'Bot Version', type: 'integer' },
      { key: 'latestBotVersion', label: 'Bot Is Latest Version', type: 'boolean' },
    ],
  },
} satisfies Create;

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: { contact_uuid: EXAMPLE_IDS.contact, status: 'bot_end' },
  requests: [`POST /contacts/${EXAMPLE_IDS.contact}/bot`],
};
