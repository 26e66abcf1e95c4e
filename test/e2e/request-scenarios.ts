import { createAppTester, type Bundle, type ZObject } from 'zapier-platform-core';
import { seed } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';

type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;
type Operation = Partial<
  Record<'perform' | 'performList' | 'performSubscribe' | 'performUnsubscribe', Perform>
> & {
  inputFields?: unknown[];
};

export interface AppUnderTest {
  triggers: Record<string, { operation: Operation }>;
  creates: Record<string, { operation: Operation }>;
  searches: Record<string, { operation: Operation }>;
  authentication: { test: Perform };
}

export interface RequestCount {
  operation: string;
  requests: number;
  /** The fewest requests Callbell's API allows for it. */
  minimum: number;
  note?: string;
}

interface Scenario {
  operation: string;
  minimum: number;
  note?: string;
  run: (
    call: (
      perform: Perform | undefined,
      input?: Record<string, unknown>,
      extra?: Record<string, unknown>,
    ) => Promise<unknown>,
    sandbox: Sandbox,
  ) => Promise<unknown>;
}

const john = seed.contacts[0]?.uuid ?? '';
const ZAP_URL = 'https://hooks.zapier.com/hooks/standard/1/abc/';
const [orderConfirmation] = seed.templates;
const templateMeta = {
  meta: { inputFields: { template_preview: { placeholders: '1,2', templateType: 'text' } } },
};
const documentedMessage = {
  event: 'message_created',
  payload: {
    text: 'Hi',
    status: 'received',
    contact: { uuid: john },
    createdAt: '2026-11-24T10:00:00Z',
  },
};

/** Every operation the app offers, run once against the sandbox, with the minimum it can take. */
function scenarios(app: AppUnderTest): Scenario[] {
  const trigger = (key: string) => app.triggers[key]?.operation ?? {};
  const create = (key: string) => app.creates[key]?.operation.perform;
  const search = (key: string) => app.searches[key]?.operation.perform;
  const teams = seed.teams.length;
  return [
    { operation: 'auth test', minimum: 1, run: (call) => call(app.authentication.test) },
    {
      operation: 'hook subscribe',
      minimum: 1,
      run: (call) => call(trigger('message_created').performSubscribe, {}, { targetUrl: ZAP_URL }),
    },
    {
      operation: 'hook perform (a delivery)',
      minimum: 0,
      run: (call) =>
        call(trigger('message_created').perform, {}, { cleanedRequest: documentedMessage }),
    },
    {
      operation: 'hook performList (empty log)',
      minimum: 3,
      note: 'log, then a recent conversation: contacts and its messages',
      run: (call) => call(trigger('message_created').performList),
    },
    {
      operation: 'hook performList (delivery log)',
      minimum: 1,
      run: async (call, sandbox) => {
        sandbox.account.receive('+31612345678', 'Hello');
        await sandbox.hooks.idle();
        return call(trigger('message_created').performList);
      },
    },
    {
      operation: 'hook unsubscribe',
      minimum: 1,
      run: (call) =>
        call(trigger('message_created').performUnsubscribe, {}, { targetUrl: ZAP_URL }),
    },
    ...['channel_list', 'contact_list', 'template_list', 'team_list', 'funnel_list'].map((key) => ({
      operation: `dropdown ${key} (a page)`,
      minimum: 1,
      run: (call: Parameters<Scenario['run']>[0]) =>
        call(trigger(key).perform, {}, { meta: { page: 0 } }),
    })),
    {
      operation: 'dropdown message_list (a page)',
      minimum: 1,
      note: 'the sent messages of the contact chosen in Find Message Status',
      run: (call) =>
        call(trigger('message_list').perform, { contact_uuid: john }, { meta: { page: 0 } }),
    },
    {
      operation: 'dropdown whatsapp_user_list (a page)',
      minimum: 2,
      note: 'contacts with a BSUID: pages are read until one is empty (GET /contacts documents no meta)',
      run: (call) => call(trigger('whatsapp_user_list').perform, {}, { meta: { page: 0 } }),
    },
    {
      operation: 'dropdown user_list (a page)',
      minimum: 1 + teams,
      note: "no account-wide user list: teams, then each team's members",
      run: (call) => call(trigger('user_list').perform, {}, { meta: { page: 0 } }),
    },
    {
      operation: 'send_message (no channel chosen, cache cold)',
      minimum: 2,
      note: 'channel_uuid is required: the main channel (GET /channels), kept in z.cache',
      run: (call) => call(create('send_message'), { to: '+31612345678', text: 'Hi' }),
    },
    {
      operation: 'send_message (no channel chosen, cached)',
      minimum: 1,
      note: "core's app tester shares one z.cache, as Zapier's cache does",
      run: (call) => call(create('send_message'), { to: '+31612345678', text: 'Hi again' }),
    },
    {
      operation: 'send_message (channel chosen)',
      minimum: 1,
      run: (call) =>
        call(create('send_message'), {
          to: '+31612345678',
          text: 'Hi',
          channel_uuid: seed.channels[0]?.uuid,
        }),
    },
    {
      operation: 'send_template_message (channel cached)',
      minimum: 1,
      run: (call) =>
        call(
          create('send_template_message'),
          {
            to: '+5511987654321',
            template_uuid: orderConfirmation?.uuid,
            template_value_1: 'Bia',
            template_value_2: '#9',
            optin_contact: 'true',
          },
          templateMeta,
        ),
    },
    {
      operation: 'create_contact',
      minimum: 1,
      run: (call) => call(create('create_contact'), { phone: '+81 90-1234-5678', name: 'Yuki' }),
    },
    {
      operation: 'update_contact (by ID, tags replaced)',
      minimum: 1,
      run: (call) =>
        call(create('update_contact'), { contact_uuid: john, tags: ['VIP'], tags_mode: 'replace' }),
    },
    {
      operation: 'update_contact (by ID, tags added)',
      minimum: 2,
      note: "the contact's tags (GET), then the whole list: the docs do not say PATCH adds",
      run: (call) => call(create('update_contact'), { contact_uuid: john, tags: ['Lead'] }),
    },
    {
      operation: 'update_contact (by phone, tags added)',
      minimum: 2,
      note: 'the look-up by phone already read the tags',
      run: (call) => call(create('update_contact'), { phone: '+31612345678', tags: ['Lead'] }),
    },
    {
      operation: 'add_conversation_note',
      minimum: 1,
      run: (call) => call(create('add_conversation_note'), { contact_uuid: john, text: 'note' }),
    },
    {
      operation: 'close_conversation',
      minimum: 1,
      run: (call) => call(create('close_conversation'), { contact_uuid: john }),
    },
    {
      operation: 'open_conversation',
      minimum: 1,
      run: (call) => call(create('open_conversation'), { contact_uuid: john }),
    },
    {
      operation: 'update_conversation_funnel',
      minimum: 2,
      note: "the stage's name (GET /funnels): the answer gives only its id",
      run: (call) =>
        call(create('update_conversation_funnel'), {
          contact_uuid: john,
          funnel_id: seed.funnels[0]?.uuid,
        }),
    },
    {
      operation: 'set_bot_status',
      minimum: 1,
      run: (call) => call(create('set_bot_status'), { contact_uuid: john, status: 'bot_end' }),
    },
    {
      operation: 'find_contact',
      minimum: 1,
      run: (call) => call(search('find_contact'), { phone: '+31 6 12345678' }),
    },
    {
      operation: 'find_contacts (by tag)',
      minimum: 1,
      run: (call) => call(search('find_contacts'), { tags: ['VIP'] }),
    },
    {
      operation: 'find_conversation_messages (by ID, last received)',
      minimum: 1,
      run: (call) =>
        call(search('find_conversation_messages'), {
          contact_uuid: john,
          direction: 'received',
          max_results: 1,
        }),
    },
    {
      operation: 'find_conversation_messages (by phone)',
      minimum: 2,
      run: (call) => call(search('find_conversation_messages'), { phone: '+31612345678' }),
    },
    {
      operation: 'find_team_members (available)',
      minimum: 1,
      run: (call) =>
        call(search('find_team_members'), { team_uuid: seed.teams[0]?.uuid, status: 'available' }),
    },
    {
      operation: 'delete_contact',
      minimum: 1,
      run: (call, sandbox) =>
        call(create('delete_contact'), {
          contact_uuid: sandbox.account.contactByPhone('819012345678').uuid,
          confirm: true,
        }),
    },
    {
      operation: 'find_message_status',
      minimum: 1,
      run: (call) =>
        call(search('find_message_status'), { message_uuid: '00000000000000000000000000000000' }),
    },
    {
      operation: 'find or create contact (not found)',
      minimum: 2,
      run: async (call) => {
        const found = (await call(search('find_contact'), {
          phone: '+61 412 345 678',
        })) as unknown[];
        return found.length
          ? found
          : call(create('create_contact'), { phone: '+61 412 345 678', name: 'Jack' });
      },
    },
  ];
}

/** The operations the scenarios run, by name: each starts with the key it exercises. */
export function scenarioNames(app: AppUnderTest): string[] {
  return scenarios(app).map(({ operation }) => operation);
}

/** Runs every scenario once and counts the requests the sandbox received for it. */
export async function countRequests(app: AppUnderTest, sandbox: Sandbox): Promise<RequestCount[]> {
  const tester = createAppTester(app);
  const rows: RequestCount[] = [];
  for (const { operation, minimum, note, run } of scenarios(app)) {
    const before = sandbox.requests.length;
    await run(async (perform, input = {}, extra = {}) => {
      if (!perform) throw new Error(`${operation}: no such operation`);
      return tester(perform, {
        authData: { api_key: sandbox.apiKey },
        inputData: input,
        ...extra,
      } as Partial<Bundle>);
    }, sandbox);
    rows.push({ operation, requests: sandbox.requests.length - before, minimum, note });
  }
  return rows;
}
