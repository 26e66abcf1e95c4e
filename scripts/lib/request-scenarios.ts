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
      run: (call) =>
        call(
          trigger('message_created').performSubscribe,
          {},
          { targetUrl: 'https://hooks.zapier.com/hooks/standard/1/abc/' },
        ),
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
      run: (call) => call(trigger('message_created').performUnsubscribe),
    },
    ...['channel_list', 'template_list', 'team_list', 'funnel_list'].map((key) => ({
      operation: `dropdown ${key} (a page)`,
      minimum: 1,
      run: (call: Parameters<Scenario['run']>[0]) =>
        call(trigger(key).perform, {}, { meta: { page: 0 } }),
    })),
    {
      operation: 'dropdown user_list (a page)',
      minimum: 1 + teams,
      note: "no account-wide user list: teams, then each team's members",
      run: (call) => call(trigger('user_list').perform, {}, { meta: { page: 0 } }),
    },
    {
      operation: 'send_message',
      minimum: 1,
      run: (call) => call(create('send_message'), { to: '+31612345678', text: 'Hi' }),
    },
    {
      operation: 'send_template_message',
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
      operation: 'update_contact (by ID)',
      minimum: 1,
      run: (call) => call(create('update_contact'), { contact_uuid: john, tags: ['VIP'] }),
    },
    {
      operation: 'update_contact (by phone)',
      minimum: 2,
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
      minimum: 1,
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
