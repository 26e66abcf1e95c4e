import nock from 'nock';
import App from '../index';
import { CALLBELL_EVENTS } from '../src/webhooks/events';
import { hookTriggers } from '../src/operations';
import { API_PATH, appTester, bundleWith, callbellApi } from './helpers/app';
import { deliveryLog, documentedDelivery } from './helpers/hook-trigger';
import {
  RULES,
  checkLiveResults,
  checkPublishingRules,
  hasBadLink,
  isIsoDate,
  looksLikeDate,
  matchesType,
  titleCase,
  type AppDefinition,
  type Definition,
  type Field,
  type RuleId,
} from './helpers/publishing-rules';

/** What Callbell's `GET /auth/me` answers (test/fixtures/auth-me.json, key left out). */
const OPTIONS = {
  appName: 'Callbell',
  authTestResult: { status: 'ok', user_email: 'jane@example.com', user_name: 'Jane Doe' },
};

const noop = () => [];

/** A small definition that meets every rule; each case below breaks one thing. */
function goodApp(): AppDefinition {
  return {
    authentication: {
      fields: [
        {
          key: 'api_key',
          label: 'API Key',
          helpText: 'Find it under [API Settings](https://example.com/keys) in your account.',
        },
      ],
      connectionLabel: '{{user_name}}',
    },
    triggers: {
      new_thing: {
        key: 'new_thing',
        noun: 'Thing',
        display: { label: 'New Thing', description: 'Triggers when a thing is created.' },
        operation: {
          type: 'hook',
          perform: noop,
          performList: noop,
          performSubscribe: noop,
          performUnsubscribe: noop,
          sample: { id: 't1', name: 'Lamp', createdAt: '2026-11-24T10:00:00Z' },
          outputFields: [
            { key: 'id', label: 'Thing ID' },
            { key: 'name', label: 'Name' },
            { key: 'createdAt', label: 'Created At', type: 'datetime' },
          ],
        },
      },
      thing_list: {
        key: 'thing_list',
        noun: 'Thing',
        display: { label: 'List Things', description: 'Lists things.', hidden: true },
        operation: { type: 'polling', perform: noop },
      },
      shelf_list: {
        key: 'shelf_list',
        noun: 'Shelf',
        display: { label: 'List Shelves', description: 'Lists shelves.', hidden: true },
        operation: { type: 'polling', perform: noop },
      },
    },
    creates: {
      update_thing: {
        key: 'update_thing',
        noun: 'Thing',
        display: { label: 'Update Thing', description: 'Updates a thing with a new name.' },
        operation: {
          perform: noop,
          inputFields: [
            {
              key: 'thing_id',
              label: 'Thing',
              required: true,
              helpText: 'Choose it from the list, or add a search step to find it by name.',
              dynamic: 'thing_list.id.name',
              search: 'find_thing.id',
            },
            { key: 'name', label: 'Name', helpText: 'Up to 40 characters; emoji are dropped.' },
            { key: 'shelf_id', label: 'Shelf', dynamic: 'shelf_list.id.name' },
            { key: 'colors', label: 'Colors', list: true, helpText: 'Pick several at once.' },
          ],
          sample: { id: 't1', name: 'Lamp', shelf: { id: 's1', name: 'Top' } },
        },
      },
      delete_thing: {
        key: 'delete_thing',
        noun: 'Thing',
        display: { label: 'Delete Thing', description: 'Deletes a thing.' },
        operation: {
          perform: noop,
          inputFields: [
            { key: 'warning', label: 'Warning', type: 'copy', helpText: 'This cannot be undone.' },
            { key: 'thing_id', label: 'Thing', required: true, dynamic: 'thing_list.id.name' },
          ],
          sample: { id: 't1' },
        },
      },
    },
    searches: {
      find_thing: {
        key: 'find_thing',
        noun: 'Thing',
        display: { label: 'Find Thing', description: 'Finds a thing by its name.' },
        operation: {
          perform: noop,
          inputFields: [{ key: 'name', label: 'Name', helpText: 'Matched in full, any case.' }],
          sample: {
            id: 't1',
            name: 'Lamp',
            owner: { name: 'Bob Lee', firstName: 'Bob', lastName: 'Lee', email: 'b@x.example' },
          },
        },
      },
    },
    searchOrCreates: {
      find_thing: {
        key: 'find_thing',
        search: 'find_thing',
        create: 'update_thing',
        display: { label: 'Find or Create Thing', description: 'Finds or creates a thing.' },
      },
    },
  };
}

type Change = (app: AppDefinition) => void;

const createOf = (app: AppDefinition, key = 'update_thing') => app.creates?.[key]?.operation ?? {};
const updateFields = (app: AppDefinition): Field[] => createOf(app).inputFields as Field[];
const field = (app: AppDefinition, key: string): Field =>
  updateFields(app).find((one) => one.key === key) ?? { key };
const hook = (app: AppDefinition) => app.triggers?.new_thing?.operation ?? {};
const hookDisplay = (app: AppDefinition) => app.triggers?.new_thing?.display ?? {};
const searchOf = (app: AppDefinition) => app.searches?.find_thing ?? { key: 'find_thing' };
const withAuthLabel =
  (connectionLabel: unknown): Change =>
  (app) =>
    Object.assign(app.authentication ?? {}, { connectionLabel });

/** Each rule, broken the way Zapier's text describes (its own bad example where it has one). */
const BROKEN: [RuleId, string, string, Change][] = [
  [
    'D001',
    'an API key asked for in an action',
    'creates.update_thing.inputFields.api_key',
    (app) => updateFields(app).push({ key: 'api_key', label: 'API Key' }),
  ],
  [
    'D002',
    'REF: API key is found on the "API Details" page in settings',
    'authentication.fields.api_key',
    (app) =>
      Object.assign(app.authentication?.fields?.[0] ?? {}, {
        helpText: 'API key is found on the "API Details" page in settings',
      }),
  ],
  ['D003', 'REF: "Slack"', 'authentication.connectionLabel', withAuthLabel('Slack')],
  [
    'D003',
    'a function label that gives nothing',
    'authentication.connectionLabel',
    withAuthLabel(() => ''),
  ],
  [
    'PR5.6',
    'the app name in a function label',
    'authentication.connectionLabel',
    withAuthLabel((_z: never, bundle: { inputData: Record<string, unknown> }) => {
      return `Callbell: ${String(bundle.inputData.user_name)}`;
    }),
  ],
  [
    'PR5.6',
    'the word success',
    'authentication.connectionLabel',
    withAuthLabel('{{user_name}} (success)'),
  ],
  [
    'PR5.6',
    'a lengthy ID',
    'authentication.connectionLabel',
    withAuthLabel('{{user_name}} 4f1a9c2e7b3d4e5f'),
  ],
  [
    'D004',
    'an ID key with no dropdown',
    'creates.update_thing.inputFields.thing_id',
    (app) => delete field(app, 'thing_id').dynamic,
  ],
  [
    'D004',
    'a camelCase messageId',
    'creates.update_thing.inputFields.messageId',
    (app) => updateFields(app).push({ key: 'messageId', label: 'Message' }),
  ],
  [
    'D004',
    'a bsuid key',
    'creates.update_thing.inputFields.bsuid',
    (app) => updateFields(app).push({ key: 'bsuid', label: 'WhatsApp User' }),
  ],
  [
    'D004',
    'a label without ID whose help says to map one',
    'creates.update_thing.inputFields.message',
    (app) =>
      updateFields(app).push({
        key: 'message',
        label: 'Message',
        helpText: 'Map the Message ID a send step returned.',
      }),
  ],
  [
    'D005',
    'a dropdown on a missing trigger',
    'creates.update_thing.inputFields.thing_id',
    (app) => (field(app, 'thing_id').dynamic = 'thing_lists.id.name'),
  ],
  [
    'D006',
    'a hook with no performList',
    'triggers.new_thing',
    (app) => delete hook(app).performList,
  ],
  [
    'D007',
    'REF: http://example.com/messages/subscribe',
    'triggers.new_thing.operation.sample.link',
    (app) =>
      Object.assign(hook(app).sample ?? {}, { link: 'http://example.com/messages/subscribe' }),
  ],
  [
    'D008',
    'REF: See https://google.com',
    'creates.update_thing.operation.inputFields[1].helpText',
    (app) => Object.assign(field(app, 'name'), { helpText: 'See https://google.com' }),
  ],
  [
    'D008',
    'REF: See [Google(https://google.com)',
    'creates.update_thing.operation.inputFields[1].helpText',
    (app) => Object.assign(field(app, 'name'), { helpText: 'See [Google(https://google.com)' }),
  ],
  [
    'D009',
    'a search with only a copy field',
    'searches.find_thing',
    (app) =>
      Object.assign(searchOf(app).operation ?? {}, {
        inputFields: [{ key: 'note', label: 'Note', type: 'copy', helpText: 'Read me.' }],
      }),
  ],
  [
    'D010',
    'REF: a polling sample with contact_id but no id',
    'triggers.thing_poll',
    (app) =>
      Object.assign(app.triggers ?? {}, {
        thing_poll: {
          key: 'thing_poll',
          noun: 'Contact',
          display: { label: 'New Contact', description: 'Triggers when a contact is added.' },
          operation: {
            type: 'polling',
            perform: noop,
            sample: { contact_id: 4, contact_name: 'David' },
          },
        },
      }),
  ],
  [
    'D011',
    'REF: Subdomain → subdomain',
    'creates.update_thing.inputFields.subdomain',
    (app) =>
      updateFields(app).push({ key: 'subdomain', label: 'Subdomain', helpText: 'subdomain' }),
  ],
  [
    'D012',
    'a search with no sample',
    'searches.find_thing',
    (app) => delete searchOf(app).operation?.sample,
  ],
  [
    'D013',
    'a search connector to a missing search',
    'creates.update_thing.inputFields.thing_id',
    (app) => (field(app, 'thing_id').search = 'find_things.id'),
  ],
  [
    'D014',
    'REF: a search connector with no dropdown',
    'creates.update_thing.inputFields.thing_id',
    (app) => delete field(app, 'thing_id').dynamic,
  ],
  [
    'D015',
    'a search-or-create on a missing create',
    'searchOrCreates.find_thing',
    (app) => Object.assign(app.searchOrCreates?.find_thing ?? {}, { create: 'make_thing' }),
  ],
  [
    'D016',
    'an app that is one static hook',
    'triggers',
    (app) => {
      delete hook(app).performSubscribe;
      app.creates = {};
      app.searches = {};
      app.searchOrCreates = {};
    },
  ],
  [
    'D017',
    'a hook with no unsubscribe',
    'triggers.new_thing',
    (app) => delete hook(app).performUnsubscribe,
  ],
  [
    'D018',
    'REF: new contact',
    'triggers.new_thing',
    (app) => Object.assign(hookDisplay(app), { label: 'new contact' }),
  ],
  [
    'D018',
    'a small word capitalised inside',
    'creates.update_thing',
    (app) =>
      Object.assign(app.creates?.update_thing?.display ?? {}, { label: 'Add Note To Thing' }),
  ],
  [
    'D021',
    "REF: Triggers whenever there's a new contact.",
    'triggers.new_thing',
    (app) =>
      Object.assign(hookDisplay(app), { description: "Triggers whenever there's a new contact." }),
  ],
  [
    'D022',
    'a create with only dynamic fields',
    'creates.update_thing',
    (app) => Object.assign(createOf(app), { inputFields: [() => []] }),
  ],
  [
    'D022',
    'a create with only a copy field',
    'creates.update_thing',
    (app) =>
      Object.assign(createOf(app), {
        inputFields: [{ key: 'note', label: 'Note', type: 'copy', helpText: 'Read me.' }],
      }),
  ],
  ...[
    '01 Aug 2023',
    '01 Aug 2023 06:50:30',
    '2023-08-01T06:50:30',
    'Aug 1, 2023',
    '08/01/2023',
  ].map((date): [RuleId, string, string, Change] => [
    'D023',
    `REF: ${date}`,
    'triggers.new_thing.sample.createdAt',
    (app) => Object.assign(hook(app).sample ?? {}, { createdAt: date }),
  ]),
  [
    'D023',
    'a bad date nested in the sample',
    'triggers.new_thing.sample.owner__joinedAt',
    (app) => Object.assign(hook(app).sample ?? {}, { owner: { joinedAt: '01 Aug 2023' } }),
  ],
  [
    'D024',
    'REF: {"id": "1"} against an integer id and a required email',
    'triggers.new_thing',
    (app) =>
      Object.assign(hook(app), {
        sample: { id: '1' },
        outputFields: [
          { key: 'id', type: 'integer' },
          { key: 'email', type: 'string', required: true },
        ],
      }),
  ],
  [
    'D024',
    'a nested key of the wrong type',
    'triggers.new_thing',
    (app) =>
      Object.assign(hook(app), {
        sample: { id: 't1', owner: { name: 7 } },
        outputFields: [{ key: 'owner__name', type: 'string' }],
      }),
  ],
  [
    'D025',
    "REF: javascript:alert('XSS');//",
    'creates.update_thing.operation.inputFields[1].helpText',
    (app) =>
      Object.assign(field(app, 'name'), { helpText: "Click [here](javascript:alert('XSS');//)." }),
  ],
  [
    'D026',
    'a subdomain auth field',
    'authentication.fields.subdomain',
    (app) =>
      app.authentication?.fields?.push({
        key: 'subdomain',
        label: 'Subdomain',
        helpText: 'Yours, as in [your URL](https://example.com/help).',
        inputFormat: 'https://{{input}}.example.com',
      }),
  ],
  [
    'BG-noun',
    'a plural noun',
    'searches.find_thing',
    (app) => Object.assign(searchOf(app), { noun: 'Things' }),
  ],
  [
    'BG-noun',
    'a plural noun of two words',
    'searches.find_thing',
    (app) => Object.assign(searchOf(app), { noun: 'Team Members' }),
  ],
  [
    'BG-description',
    'BG: Finds a new Lead in XXX CRM. (the platform named)',
    'searches.find_thing',
    (app) => Object.assign(searchOf(app).display ?? {}, { description: 'Finds a Callbell thing.' }),
  ],
  [
    'BG-description',
    'an action description without a plural verb',
    'creates.update_thing',
    (app) =>
      Object.assign(app.creates?.update_thing?.display ?? {}, { description: 'Update a thing.' }),
  ],
  [
    'BG-trigger-description-length',
    'more than a handful of words',
    'triggers.new_thing',
    (app) =>
      Object.assign(hookDisplay(app), {
        description:
          'Triggers when a thing is created in any of the rooms you own, so that one Zap can handle them all.',
      }),
  ],
  [
    'BG-id-label',
    "BG: a field labeled 'XXX ID'",
    'creates.update_thing.inputFields.thing_id',
    (app) => (field(app, 'thing_id').label = 'Thing ID'),
  ],
  [
    'BG-help-text',
    "BG: 'Email Address' → 'Contact's email address'",
    'creates.update_thing.inputFields.email',
    (app) =>
      updateFields(app).push({
        key: 'email',
        label: 'Email Address',
        helpText: "Contact's email address.",
      }),
  ],
  [
    'BG-help-text',
    'Assign to Team → Assign the thing to this team.',
    'creates.update_thing.inputFields.team',
    (app) =>
      updateFields(app).push({
        key: 'team',
        label: 'Assign to Team',
        helpText: 'Assign the thing to this team.',
        choices: ['a'],
      }),
  ],
  [
    'BG-list',
    'values separated by commas in a text field',
    'creates.update_thing.inputFields.colors',
    (app) =>
      Object.assign(field(app, 'colors'), {
        list: false,
        helpText: 'The colors, separated by commas.',
      }),
  ],
  [
    'BG-required',
    'a required confirmation box',
    'creates.delete_thing.inputFields.confirm',
    (app) =>
      (createOf(app, 'delete_thing').inputFields as Field[]).push({
        key: 'confirm',
        label: 'Confirm',
        type: 'boolean',
        required: true,
      }),
  ],
  [
    'BG-delete-copy',
    'a delete action with no copy field',
    'creates.delete_thing',
    (app) => (createOf(app, 'delete_thing').inputFields as Field[]).shift(),
  ],
  [
    'BG-updated-trigger',
    "BG: 'Updated Deal'",
    'triggers.new_thing',
    (app) => Object.assign(hookDisplay(app), { label: 'Updated Deal' }),
  ],
  [
    'BG-names',
    'a person with a name and email but no first and last name',
    'searches.find_thing.sample.owner',
    (app) =>
      Object.assign(searchOf(app).operation?.sample ?? {}, {
        owner: { name: 'Bob', email: 'b@x.example' },
      }),
  ],
  [
    'BG-dropdown-output',
    'a chosen shelf returned by ID only',
    'creates.update_thing.inputFields.shelf_id',
    (app) => Object.assign(createOf(app).sample ?? {}, { shelf: { id: 's1' } }),
  ],
  [
    'BG-epoch',
    'an epoch timestamp',
    'triggers.new_thing.sample.updated_at',
    (app) => Object.assign(hook(app).sample ?? {}, { updated_at: 1700000000 }),
  ],
  [
    'BG-booleans',
    'a boolean as 1',
    'triggers.new_thing.sample.isOpen',
    (app) => Object.assign(hook(app).sample ?? {}, { isOpen: 1 }),
  ],
];

const LIVE_RULES: RuleId[] = ['T002', 'T003', 'T004', 'T005', 'T006', 'Z001'];

describe('publishing rules (Zapier integration checks and build guidelines)', () => {
  it('the whole app meets every rule', async () => {
    const app: AppDefinition = App;
    expect(await checkPublishingRules(app, OPTIONS)).toEqual([]);
  });

  it('the definition the cases break meets every rule', async () => {
    expect(await checkPublishingRules(goodApp(), OPTIONS)).toEqual([]);
  });

  it('every rule quotes its source and is shown failing below', () => {
    for (const rule of Object.values(RULES)) expect(rule.quote.length).toBeGreaterThan(20);
    const shown = new Set([...BROKEN.map(([rule]) => rule), ...LIVE_RULES]);
    expect([...shown].sort()).toEqual(Object.keys(RULES).sort());
  });

  it.each(BROKEN)('%s fails on %s (at %s)', async (rule, _case, where, breakIt) => {
    const app = goodApp();
    breakIt(app);
    const findings = await checkPublishingRules(app, OPTIONS);
    expect(findings.map((finding) => `${finding.rule} ${finding.where}`)).toContain(
      `${rule} ${where}`,
    );
  });

  it.each([
    ['new contact', 'New Contact'],
    ['Send Template Message', 'Send Template Message'],
    ['Find or Create Contact', 'Find or Create Contact'],
    ['Add Note To Conversation', 'Add Note to Conversation'],
    // "In" is a particle here, but a title-case rule cannot tell: Zapier's would lower it.
    ['Agent Logged In or Out', 'Agent Logged in or Out'],
    ['Move Conversation to Funnel Stage', 'Move Conversation to Funnel Stage'],
    ['Start or Stop Bot for Contact', 'Start or Stop Bot for Contact'],
    ['Send WhatsApp Message', 'Send WhatsApp Message'],
    ['Sign In', 'Sign In'],
  ])('D018 title case: "%s" passes as "%s"', (label, passing) => {
    expect(titleCase(label)).toBe(passing);
  });

  it.each([
    ['01 Aug 2023', true, false],
    ['01 Aug 2023 06:50:30', true, false],
    ['2023-08-01T06:50:30', true, false],
    ['Tue, 01 Aug 2023 06:50:30 GMT', true, false],
    ['2023/08/01', true, false],
    ['2023-08-01', true, true],
    ['2023-08-01T06:50:30-0500', true, true],
    ['2023-09-15T09:59:59Z', true, true],
    ['2023-12-01T12:32:01-08:00', true, true],
    ['+33612345678', false, false],
    ['Order 1001', false, false],
  ])('D023/T003: "%s" looks like a date: %s, passes: %s', (value, dateLike, passes) => {
    expect(looksLikeDate(value)).toBe(dateLike);
    expect(isIsoDate(value)).toBe(passes);
  });

  it.each([
    ['string', 'a', true],
    ['string', 1, false],
    ['text', 'long text', true],
    ['text', false, false],
    ['password', 'secret', true],
    ['password', 1, false],
    ['copy', 'read me', true],
    ['copy', {}, false],
    ['file', 'https://files.example/a.pdf', true],
    ['file', 'a.pdf', false],
    ['integer', 1, true],
    ['integer', '1', false],
    ['number', 1.5, true],
    ['boolean', 'true', false],
    ['datetime', '2023-08-01T06:50:30', false],
    // null is an absent value: it is of every type (and missing when required).
    ['integer', null, true],
    ['file', null, true],
  ])('D024/T005/Z001: type %s, value %j matches: %s', (type, value, expected) => {
    expect(matchesType(value, { type })).toBe(expected);
  });

  it('D024: a required output field that is null counts as missing', async () => {
    const app = goodApp();
    Object.assign(hook(app), {
      sample: { id: 't1', email: null },
      outputFields: [{ key: 'email', required: true }],
    });
    const findings = await checkPublishingRules(app, OPTIONS);
    expect(findings).toContainEqual(
      expect.objectContaining({
        rule: 'D024',
        problem: 'required output field "email" is missing',
      }),
    );
  });

  it.each([
    ['See https://google.com', true],
    ['See www.google.com', true],
    ['See [Google(https://google.com)', true],
    ['See `https://google.com`', false],
    ['See [Google](https://google.com)', false],
  ])('D008 links: "%s" is bad: %s', (text, expected) => {
    expect(hasBadLink(text)).toBe(expected);
  });
});

const LIVE_DEFINITION: Definition = {
  key: 'x',
  operation: {
    type: 'hook',
    sample: { id: '1', contact: { name: 'John' } },
    outputFields: [
      { key: 'id', type: 'integer' },
      { key: 'email', type: 'string', required: true },
      { key: 'created_at', type: 'datetime' },
    ],
  },
};

describe('live results (T/Z checks)', () => {
  it.each([
    [
      'T003',
      'REF: 01 Aug 2023',
      { latest: { id: 1, email: 'a@x', contact: { name: 'A' }, at: '01 Aug 2023' } },
    ],
    [
      'T004',
      'REF: static has email, live has not',
      { latest: { id: 2, email: 'a@x', name: 'Alice' } },
    ],
    [
      'T004',
      'a nested sample key under a null live parent',
      { latest: { id: 2, email: 'a@x', contact: null } },
    ],
    ['T005', 'REF: {"id": "1"}', { latest: { id: '1', contact: { name: 'A' } } }],
    [
      'T006',
      'REF: polling has email, live has not',
      {
        latest: { id: 2, email: 'a@x', contact: { name: 'A' } },
        pollingSample: { id: 1, phone: '1' },
      },
    ],
    [
      'Z001',
      'REF: polling {"id": "1"}',
      { latest: { id: 2, email: 'a@x', contact: { name: 'A' } }, pollingSample: { id: '1' } },
    ],
  ] as const)('%s fails on %s', (rule, _case, live) => {
    const findings = checkLiveResults('triggers.x', LIVE_DEFINITION, live);
    expect(findings.map((finding) => finding.rule)).toContain(rule);
  });

  it('T002 fails when a polling result lacks its primary key (REF: contact_id, no id)', () => {
    const definition = { key: 'x', operation: { type: 'polling' } };
    const findings = checkLiveResults('triggers.x', definition, {
      latest: { id: 4 },
      pollingSample: { contact_id: 4, contact_name: 'David' },
    });
    expect(findings.map((finding) => finding.rule)).toContain('T002');
  });

  it('passes REF T004/T006 correct examples: a subset of the latest run, nested keys included', () => {
    const latest = { id: 2, email: 'alice@example.com', contact: { name: 'Alice', tags: [] } };
    expect(
      checkLiveResults('triggers.x', LIVE_DEFINITION, {
        latest,
        pollingSample: { id: 1, email: 'john@example.com', contact: { name: 'J' } },
      }),
    ).toEqual([]);
  });
});

/**
 * Each instant trigger against the latest single run, as T004–T006 and Z001 read Zap History:
 * for every event the trigger takes, "live" is what perform returns for Callbell's documented
 * webhook body, and the polling sample is what performList returns for the same body read
 * from the delivery log (the Zap editor's test).
 */
describe('live results of every instant trigger, one event at a time', () => {
  afterEach(() => nock.cleanAll());

  /** What a Zap on each contact-update scenario asks for, and a contact that matches it. */
  const SCENARIOS: Record<string, { input: Record<string, unknown>; payload: object }> = {
    contact_updated_with_tag: { input: { tag: 'lead' }, payload: {} },
    contact_updated_for_agent: { input: {}, payload: { assignedUser: 'maria@example-shop.com' } },
    contact_updated_in_team: {
      input: { team_uuid: 't1' },
      payload: { team: { uuid: 't1', name: 'Sales' } },
    },
  };
  const cases = hookTriggers.flatMap((trigger) => {
    const scenario = SCENARIOS[trigger.key];
    const events: string[] =
      trigger.key === 'new_event'
        ? [...CALLBELL_EVENTS]
        : [scenario ? 'contact_updated' : trigger.key];
    return events.map((event) => [trigger.key, event, trigger, scenario] as const);
  });

  it.each(cases)('%s, latest run %s', async (key, event, trigger, scenario) => {
    const documented = documentedDelivery(event);
    const body = { event, payload: { ...documented.payload, ...scenario?.payload } };
    const inputData = key === 'new_event' ? { events: [event] } : (scenario?.input ?? {});
    const [latest] = await appTester(
      trigger.operation.perform,
      bundleWith(inputData, { cleanedRequest: body }),
    );
    callbellApi()
      .get(`${API_PATH}/webhooks/events`)
      .query(true)
      .reply(200, deliveryLog([body]));
    const [pollingSample] = await appTester(trigger.operation.performList, bundleWith(inputData));
    expect(latest).toBeDefined();
    expect(checkLiveResults(`triggers.${key}`, trigger, { latest, pollingSample })).toEqual([]);
  });
});
