import { createAppTester, type Bundle } from 'zapier-platform-core';
import { seed } from '../../sandbox/callbell/seed';
import type { Sandbox } from '../../sandbox/callbell/server';
import type { Perform } from '../../src/operations';
import { listedOperations } from './operation-examples';

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
  /** What the sandbox received, `METHOD /path`, and, for an operation's example, what it says. */
  sent: string[];
  expected?: string[];
}

interface Scenario {
  operation: string;
  minimum: number;
  note?: string;
  expected?: string[];
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

type Call = Parameters<Scenario['run']>[0];

/** Runs a step of the app as it is registered: dropdowns are triggers to Zapier. */
function stepOf(app: AppUnderTest, kind: string, key: string): Perform | undefined {
  const group =
    kind === 'creates' ? app.creates : kind === 'searches' ? app.searches : app.triggers;
  return group[key]?.operation.perform;
}

/**
 * Each action's, search's and dropdown's own example (declared beside it): the requests it
 * says, no more. Dropdowns read their first page (Zapier's page 0).
 */
function exampleScenarios(app: AppUnderTest, kinds: string[]): Scenario[] {
  return listedOperations().flatMap((listed) =>
    kinds.includes(listed.kind) && 'requests' in listed.example
      ? [
          {
            operation: listed.kind === 'dropdowns' ? `dropdown ${listed.key}` : listed.key,
            minimum: listed.example.requests.length,
            expected: listed.example.requests,
            run: (call: Call) =>
              call(
                stepOf(app, listed.kind, listed.key),
                listed.example.input,
                listed.kind === 'dropdowns' ? { meta: { page: 0 } } : {},
              ),
          },
        ]
      : [],
  );
}

/** The shared hook steps, which every instant trigger runs alike. */
function hookScenarios(app: AppUnderTest): Scenario[] {
  const hook = app.triggers.message_created?.operation ?? {};
  return [
    {
      operation: 'hook subscribe (first Zap)',
      minimum: 3,
      note: "the account (GET /channels), the webhook's log as the cache has no Zap list yet, the subscribe",
      run: (call) => call(hook.performSubscribe, {}, { targetUrl: ZAP_URL }),
    },
    {
      operation: 'hook perform (a delivery)',
      minimum: 0,
      run: (call) => call(hook.perform, {}, { cleanedRequest: documentedMessage }),
    },
    {
      operation: 'hook performList (empty log)',
      minimum: 3,
      note: 'log, then a recent conversation: contacts and its messages',
      run: (call) => call(hook.performList),
    },
    {
      operation: 'hook performList (delivery log)',
      minimum: 1,
      run: async (call, sandbox) => {
        sandbox.account.receive('+31612345678', 'Hello');
        await sandbox.hooks.idle();
        return call(hook.performList);
      },
    },
    {
      operation: 'hook unsubscribe (last Zap, no subscribe data)',
      minimum: 2,
      note: 'the account (GET /channels) when Zapier gives no subscribe data, then the delete',
      run: (call) => call(hook.performUnsubscribe, {}, { targetUrl: ZAP_URL }),
    },
  ];
}

/**
 * The branches an example does not take: a cold or warm cache, tags added rather than
 * replaced, a contact found by phone, Find or Create.
 */
function branchScenarios(app: AppUnderTest): Scenario[] {
  const create = (key: string) => app.creates[key]?.operation.perform;
  const search = (key: string) => app.searches[key]?.operation.perform;
  return [
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
      operation: 'send_template_message (template read by the Zap editor, channel cached)',
      minimum: 1,
      note: "the template's placeholders are in the step's meta: no GET /templates/:uuid",
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
      operation: 'find_conversation_messages (by phone)',
      minimum: 3,
      note: 'the look-up, then the messages: get_contact_messages.md shows no meta, so an empty page 2 ends them',
      run: (call) => call(search('find_conversation_messages'), { phone: '+31612345678' }),
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

/** Every operation the app offers, run against the sandbox, with the minimum it can take. */
function scenarios(app: AppUnderTest): Scenario[] {
  return [
    { operation: 'auth test', minimum: 1, run: (call) => call(app.authentication.test) },
    ...hookScenarios(app),
    ...exampleScenarios(app, ['dropdowns']),
    ...branchScenarios(app),
    ...exampleScenarios(app, ['creates', 'searches']),
  ];
}

/** Runs every scenario once and counts the requests the sandbox received for it. */
export async function countRequests(app: AppUnderTest, sandbox: Sandbox): Promise<RequestCount[]> {
  const tester = createAppTester(app);
  const rows: RequestCount[] = [];
  for (const { operation, minimum, note, expected, run } of scenarios(app)) {
    const before = sandbox.requests.length;
    await run(async (perform, input = {}, extra = {}) => {
      if (!perform) throw new Error(`${operation}: no such operation`);
      return tester(perform, {
        authData: { api_key: sandbox.apiKey },
        inputData: input,
        ...extra,
      } as Partial<Bundle>);
    }, sandbox);
    const sent = sandbox.requests.slice(before);
    rows.push({ operation, requests: sent.length, minimum, note, sent, expected });
  }
  return rows;
}
