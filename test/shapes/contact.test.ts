import { typedCustomFields } from '../../src/shapes/contact';

describe('typedCustomFields', () => {
  it.each([
    [
      'the documented include_field_types answer (contacts_api/get_contacts.md)',
      {
        Address: 'Oxford Street 123',
        'Join Date': '2024-01-15',
        Preferences: '["Newsletter", "Promotions"]',
      },
      {
        Address: { value: 'Oxford Street 123', type: 'text' },
        'Join Date': { value: '2024-01-15', type: 'date' },
        Preferences: {
          value: ['Newsletter', 'Promotions'],
          type: 'checkbox',
          options: ['Newsletter', 'Promotions', 'Updates'],
        },
      },
      {
        Address: 'Oxford Street 123',
        'Join Date': '2024-01-15',
        Preferences: ['Newsletter', 'Promotions'],
      },
    ],
    [
      'checkbox JSON text without types',
      { Preferences: '["Newsletter"]', Note: '[draft] call back' },
      undefined,
      { Preferences: ['Newsletter'], Note: '[draft] call back' },
    ],
    [
      'numbers only when typed as number',
      { Orders: '3', Zip: '01234', Score: '4.5' },
      { Orders: { value: '3', type: 'number' }, Score: { value: '4.5', type: 'number' } },
      { Orders: 3, Zip: '01234', Score: 4.5 },
    ],
    [
      'a number field whose value is not a number stays as sent',
      { Orders: 'n/a' },
      { Orders: { value: 'n/a', type: 'number' } },
      { Orders: 'n/a' },
    ],
    [
      'a field only in the metadata, and JSON that is not a list of strings',
      { Data: '[1, 2]' },
      { Tags: { value: ['a'], type: 'checkbox' } },
      { Data: '[1, 2]', Tags: ['a'] },
    ],
    ['nothing at all', undefined, undefined, {}],
  ])('reads %s', (_case, fields, metadata, expected) => {
    expect(typedCustomFields(fields, metadata)).toEqual(expected);
  });
});
