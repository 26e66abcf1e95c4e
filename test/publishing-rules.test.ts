import nock from 'nock';
import App from '../index';
import { CALLBELL_EVENTS } from '../src/webhooks/events';
import { hookTriggers } from '../src/operations';
import { API_PATH, appTester, bundleWith, callbellApi } from './helpers/app';
import { deliveryLog, documentedDelivery } from './helpers/hook-trigger';
import {
  checkLiveResults,
  checkPublishingRules,
  hasBareLink,
  isTitleCase,
  type AppDefinition,
  type Field,
} from './helpers/publishing-rules';

/** Id fields with no list to choose from, each with the reason its help text gives. */
const ID_FIELDS_WITHOUT_DROPDOWN: string[] = [
  // Callbell has no list of sent messages: the ID comes from a send step's output.
  'searches.find_message_status.inputFields.message_uuid',
];

const OPTIONS = { appName: 'Callbell', idFieldsWithoutDropdown: ID_FIELDS_WITHOUT_DROPDOWN };

const noop = () => [];

/** A small definition that meets every rule; each case below breaks exactly one thing. */
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
              helpText: 'The thing to rename, from the list or a search.',
              dynamic: 'thing_list.id.name',
              search: 'find_thing.id',
            },
            { key: 'name', label: 'Name', helpText: 'The new name, as people will see it.' },
          ],
          sample: { id: 't1', name: 'Lamp' },
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
          inputFields: [{ key: 'name', label: 'Name', helpText: 'The exact name to look for.' }],
          sample: { id: 't1', name: 'Lamp' },
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

const updateFields = (app: AppDefinition): Field[] =>
  app.creates?.update_thing?.operation?.inputFields as Field[];
const hook = (app: AppDefinition) => app.triggers?.new_thing?.operation ?? {};
const firstField = (app: AppDefinition): Field => updateFields(app)[0] as Field;

/** Each rule, the reference's own bad example where it gives one, and where it is reported. */
const BROKEN: [string, string, Change][] = [
  [
    'D001',
    'creates.update_thing.inputFields.api_key',
    (app) => updateFields(app).push({ key: 'api_key', label: 'API Key', helpText: 'Your key.' }),
  ],
  [
    'D002',
    'authentication.fields.api_key',
    (app) => Object.assign(app.authentication?.fields?.[0] ?? {}, { helpText: 'Your key.' }),
  ],
  [
    'D003',
    'authentication.connectionLabel',
    (app) => Object.assign(app.authentication ?? {}, { connectionLabel: 'Slack' }),
  ],
  ['D004', 'creates.update_thing.inputFields.thing_id', (app) => delete firstField(app).dynamic],
  [
    'D005',
    'creates.update_thing.inputFields.thing_id',
    (app) => (firstField(app).dynamic = 'thing_lists.id.name'),
  ],
  ['D006', 'triggers.new_thing', (app) => delete hook(app).performList],
  [
    'D007',
    'triggers.new_thing.operation.sample.link',
    (app) => Object.assign(hook(app).sample ?? {}, { link: 'http://example.com/things/1' }),
  ],
  [
    'D008',
    'creates.update_thing.operation.inputFields[1].helpText',
    (app) => Object.assign(updateFields(app)[1] ?? {}, { helpText: 'See https://google.com.' }),
  ],
  [
    'D009',
    'searches.find_thing',
    (app) => Object.assign(app.searches?.find_thing?.operation ?? {}, { inputFields: [] }),
  ],
  [
    'D010',
    'triggers.thing_poll',
    (app) =>
      Object.assign(app.triggers ?? {}, {
        thing_poll: {
          key: 'thing_poll',
          noun: 'Thing',
          display: { label: 'New Thing Polled', description: 'Triggers when a thing is made.' },
          operation: { type: 'polling', perform: noop, sample: { name: 'Lamp' } },
        },
      }),
  ],
  [
    'D011',
    'creates.update_thing.inputFields.name',
    (app) => Object.assign(updateFields(app)[1] ?? {}, { helpText: 'name' }),
  ],
  ['D012', 'searches.find_thing', (app) => delete app.searches?.find_thing?.operation?.sample],
  [
    'D013',
    'creates.update_thing.inputFields.thing_id',
    (app) => (firstField(app).search = 'find_things.id'),
  ],
  ['D014', 'creates.update_thing.inputFields.thing_id', (app) => delete firstField(app).dynamic],
  [
    'D015',
    'searchOrCreates.find_thing',
    (app) => Object.assign(app.searchOrCreates?.find_thing ?? {}, { create: 'make_thing' }),
  ],
  [
    'D016',
    'triggers',
    (app) => {
      delete hook(app).performSubscribe;
      app.creates = {};
      app.searches = {};
      app.searchOrCreates = {};
    },
  ],
  ['D017', 'triggers.new_thing', (app) => delete hook(app).performUnsubscribe],
  [
    'D018',
    'triggers.new_thing',
    (app) => Object.assign(app.triggers?.new_thing?.display ?? {}, { label: 'new contact' }),
  ],
  [
    'D021',
    'triggers.new_thing',
    (app) =>
      Object.assign(app.triggers?.new_thing?.display ?? {}, {
        description: 'Triggers whenever a thing is created.',
      }),
  ],
  [
    'D022',
    'creates.update_thing',
    (app) =>
      Object.assign(app.creates?.update_thing?.operation ?? {}, {
        inputFields: [() => []],
      }),
  ],
  [
    'D023',
    'triggers.new_thing.sample.createdAt',
    (app) => Object.assign(hook(app).sample ?? {}, { createdAt: '2023-08-01T06:50:30' }),
  ],
  [
    'D024',
    'triggers.new_thing',
    (app) => Object.assign(hook(app).sample ?? {}, { createdAt: 1700000000 }),
  ],
  [
    'D025',
    'creates.update_thing.operation.inputFields[1].helpText',
    (app) =>
      Object.assign(updateFields(app)[1] ?? {}, {
        helpText: "Click [here](javascript:alert('XSS');//) to see it.",
      }),
  ],
  [
    'D026',
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
    'BG-id-label',
    'creates.update_thing.inputFields.thing_id',
    (app) => (firstField(app).label = 'Thing ID'),
  ],
  [
    'BG-description',
    'searches.find_thing',
    (app) =>
      Object.assign(app.searches?.find_thing?.display ?? {}, {
        description: 'Finds a Callbell thing by its name.',
      }),
  ],
  ['BG-fields', 'creates.update_thing.inputFields.thing_id', (app) => updateFields(app).reverse()],
  [
    'BG-output',
    'triggers.new_thing',
    (app) => Object.assign(hook(app).sample ?? {}, { thing: { href: 'https://x.example/1' } }),
  ],
  [
    'BG-output',
    'triggers.new_thing',
    (app) => Object.assign(hook(app).sample ?? {}, { created_at: '2026-11-24T10:00:00Z' }),
  ],
  [
    'BG-dates',
    'triggers.new_thing.sample.updated_at',
    (app) => Object.assign(hook(app).sample ?? {}, { updated_at: 1700000000 }),
  ],
];

describe('publishing rules (Zapier integration checks and build guidelines)', () => {
  it('the whole app meets every rule', () => {
    const app: AppDefinition = App;
    expect(checkPublishingRules(app, OPTIONS)).toEqual([]);
  });

  it('the definition the cases break meets every rule', () => {
    expect(checkPublishingRules(goodApp(), OPTIONS)).toEqual([]);
  });

  it.each(BROKEN)('%s fails on a definition that breaks it (at %s)', (rule, where, breakIt) => {
    const app = goodApp();
    breakIt(app);
    const findings = checkPublishingRules(app, OPTIONS);
    expect(findings.map((finding) => `${finding.rule} ${finding.where}`)).toContain(
      `${rule} ${where}`,
    );
  });

  it.each([
    ['Send Template Message', true],
    ['Find or Create Contact', true],
    ['Add Note to Conversation', true],
    ['Agent Logged In or Out', true],
    ['Phone Number (E.164)', true],
    ['send message', false],
    ['Move Conversation To funnel Stage', false],
  ])('Title Case (D018): %s → %s', (label, expected) => {
    expect(isTitleCase(label)).toBe(expected);
  });

  it.each([
    ['See https://google.com', true],
    ['See www.google.com', true],
    ['See `https://google.com`', false],
    ['See [Google](https://google.com)', false],
  ])('bare links (D008): %s → %s', (text, expected) => {
    expect(hasBareLink(text)).toBe(expected);
  });
});

/**
 * T002–T006 and Z001 compare Zap History with the definition. Here "live" is what each
 * instant trigger returns for Callbell's documented webhook body (perform) and for the same
 * body from the delivery log (performList, the Zap editor's test).
 */
describe('live results (T/Z checks) of every instant trigger', () => {
  afterEach(() => nock.cleanAll());

  it.each(hookTriggers.map((trigger) => [trigger.key, trigger] as const))(
    '%s',
    async (key, trigger) => {
      const events = key === 'new_event' ? [...CALLBELL_EVENTS] : [key];
      const inputData = key === 'new_event' ? { events } : {};
      const perform: Record<string, unknown>[] = [];
      const performList: Record<string, unknown>[] = [];
      for (const event of events) {
        const body = documentedDelivery(event);
        const eventInput = key === 'new_event' ? { events: [event] } : inputData;
        perform.push(
          ...(await appTester(
            trigger.operation.perform,
            bundleWith(eventInput, { cleanedRequest: body }),
          )),
        );
        callbellApi()
          .get(`${API_PATH}/webhooks/events`)
          .query(true)
          .reply(200, deliveryLog([body]));
        performList.push(
          ...(await appTester(trigger.operation.performList, bundleWith(eventInput))),
        );
      }
      expect(checkLiveResults(`triggers.${key}`, trigger, { perform, performList })).toEqual([]);
    },
  );

  it('T004 fails when the static sample has a key the live result lacks', () => {
    const [trigger] = hookTriggers;
    if (!trigger) throw new Error('no trigger');
    const findings = checkLiveResults('triggers.x', trigger, { perform: [{ id: '1' }] });
    expect(findings.map((finding) => finding.rule)).toContain('T004');
  });

  it.each([
    ['T003', { id: '1', createdAt: '2023-08-01T06:50:30' }, undefined],
    ['T005', { id: '1', created_at: 'yesterday' }, undefined],
    ['T006', { id: '1' }, [{ id: '1', extra: 'x' }]],
    ['Z001', { id: '1' }, [{ id: '1', created_at: 'soon' }]],
  ])('%s fails on a bad live result', (rule, live, list) => {
    const definition = {
      key: 'x',
      operation: {
        type: 'hook',
        outputFields: [{ key: 'created_at', label: 'Time', type: 'datetime' }],
      },
    };
    const findings = checkLiveResults('triggers.x', definition, {
      perform: [live],
      performList: list,
    });
    expect(findings.map((finding) => finding.rule)).toContain(rule);
  });

  it('T002 fails when a polling result lacks its primary key', () => {
    const definition = { key: 'x', operation: { type: 'polling' } };
    const findings = checkLiveResults('triggers.x', definition, {
      perform: [{ id: '1' }],
      performList: [{ name: 'no id' }],
    });
    expect(findings.map((finding) => finding.rule)).toContain('T002');
  });
});
