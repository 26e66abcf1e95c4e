import App from '../index';
import { checkPublishingRules, isTitleCase, type AppDefinition } from './helpers/publishing-rules';

/** Id fields that cannot have a dropdown or search, each with the reason. */
const ID_FIELDS_WITHOUT_DROPDOWN: string[] = [
  // Find Contact's own input: a search cannot point at itself, and listing every contact of
  // an account in a dropdown is useless; the ID comes from a trigger or an earlier step.
  'searches.find_contact.inputFields.contact_uuid',
  // Callbell has no list of sent messages: the ID comes from a send step's output.
  'searches.find_message_status.inputFields.message_uuid',
];

describe('publishing rules', () => {
  it('the app meets every rule Zapier checks before publishing', () => {
    const findings = checkPublishingRules(App as unknown as AppDefinition, {
      idFieldsWithoutDropdown: ID_FIELDS_WITHOUT_DROPDOWN,
    });
    expect(findings).toEqual([]);
  });

  it('catches each rule on a definition that breaks them all', () => {
    const noop = () => [];
    const bad: AppDefinition = {
      authentication: {
        fields: [{ key: 'api_key', label: 'API Key', helpText: 'Your key.' }],
        connectionLabel: '{{bundle.authData.api_key}}',
      },
      flags: {},
      triggers: {
        new_thing: {
          key: 'new_thing',
          noun: 'Thing',
          display: { label: 'new thing', description: 'New things arrive.' },
          operation: {
            type: 'hook',
            perform: noop,
            performSubscribe: noop,
            performUnsubscribe: noop,
            sample: { name: 'x', createdAt: '12/10/2022', link: 'http://example.com' },
            outputFields: [{ key: 'name', label: 'Name' }, { key: 'gone' }],
          },
        },
      },
      creates: {
        make_thing: {
          key: 'make_thing',
          noun: 'Thing',
          display: { label: 'Make Thing', description: 'makes a thing' },
          operation: {
            perform: noop,
            inputFields: [
              { key: 'channel_uuid', label: 'Channel' },
              { key: 'text', label: 'text of the message', helpText: 'The text.' },
              {
                key: 'team_uuid',
                label: 'Team',
                helpText: 'The team.',
                dynamic: 'team_list.uuid.name',
              },
            ],
          },
        },
      },
      searches: {},
      searchOrCreates: {
        find_thing: { key: 'find_thing', search: 'find_thing', create: 'make_thing' },
      },
    };

    const rules = checkPublishingRules(bad).map((finding) => `${finding.rule} ${finding.where}`);

    expect(rules).toEqual(
      expect.arrayContaining([
        'D002 authentication.fields.api_key',
        'D003 authentication.connectionLabel',
        'D028 flags',
        'D018 triggers.new_thing',
        'D021 triggers.new_thing',
        'D006 triggers.new_thing',
        'D010 triggers.new_thing',
        'D023 triggers.new_thing.sample.createdAt',
        'D024 triggers.new_thing',
        'output-label triggers.new_thing.outputFields.gone',
        'description creates.make_thing',
        'D012 creates.make_thing',
        'D004 creates.make_thing.inputFields.channel_uuid',
        'field-help creates.make_thing.inputFields.channel_uuid',
        'D018 creates.make_thing.inputFields.text',
        'dynamic creates.make_thing.inputFields.team_uuid',
        'search-or-create find_thing',
        'D007 triggers.new_thing.operation.sample.link',
      ]),
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
  ])('Title Case: %s → %s', (label, expected) => {
    expect(isTitleCase(label)).toBe(expected);
  });
});
