import {
  contactDetailFields,
  legacyCheckboxFields,
  readContactDetails,
  readCustomFields,
  readTags,
} from '../../src/fields/contact-details';
import { bundleWith } from '../helpers/app';
import { inputErrorText } from '../helpers/operations';

describe('checkbox custom fields', () => {
  it('asks for the options to tick as a list, not as comma-separated text', () => {
    expect(contactDetailFields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'checkbox_field', label: 'Checkbox Custom Field' }),
        expect.objectContaining({ key: 'checkbox_options', label: 'Options to Tick', list: true }),
      ]),
    );
    expect(contactDetailFields.map((field) => field.key)).not.toContain('checkbox_custom_fields');
  });

  it.each([
    [
      'the chosen options, each whole (an option may hold a comma)',
      ['Shoes', ' Bags, red ', ''],
      ['Shoes', 'Bags, red'],
    ],
    ['one option mapped as text', 'Shoes', ['Shoes']],
  ])('sends %s', (_case, checkbox_options, ticked) => {
    expect(
      readContactDetails({ checkbox_field: ' Interests ', checkbox_options }).custom_fields,
    ).toEqual({ Interests: ticked });
  });

  it.each([
    [{ checkbox_options: ['Shoes'] }, /^Checkbox Custom Field: name the checkbox field/],
    [
      { checkbox_field: 'Interests', checkbox_options: [' '] },
      /^Options to Tick: choose at least one option of "Interests"/,
    ],
  ])('refuses %j before any request', (input, message) => {
    expect(() => readContactDetails(input)).toThrow(
      expect.objectContaining({ text: expect.stringMatching(message) }),
    );
  });

  it('shows the old comma-separated field only to Zaps that hold a value in it', () => {
    expect(legacyCheckboxFields(null, bundleWith({}))).toEqual([]);
    expect(
      legacyCheckboxFields(
        null,
        bundleWith({ checkbox_custom_fields: { Interests: 'Shoes, Bags' } }),
      ),
    ).toEqual([expect.objectContaining({ key: 'checkbox_custom_fields', dict: true })]);
  });

  it("still reads those Zaps' comma-separated options, next to the new fields", () => {
    expect(
      readContactDetails({
        checkbox_custom_fields: { Interests: 'Shoes, Bags' },
        checkbox_field: 'Sizes',
        checkbox_options: ['M'],
      }).custom_fields,
    ).toEqual({ Interests: ['Shoes', 'Bags'], Sizes: ['M'] });
  });
});

describe('readContactDetails', () => {
  it('merges custom fields and ticked checkbox options into one map for Callbell', () => {
    expect(
      readContactDetails({
        tags: 'vip, Lead',
        custom_fields: { ' Shoe size ': ' 42 ', Empty: ' ' },
        checkbox_custom_fields: { Interests: 'shoes, bags', Nothing: '' },
        note: ' Called back ',
      }),
    ).toEqual({
      tags: ['vip', 'Lead'],
      custom_fields: { 'Shoe size': '42', Interests: ['shoes', 'bags'] },
      note: 'Called back',
    });
  });

  it('sends no custom fields when none is filled in', () => {
    expect(readContactDetails({ custom_fields: { A: '' }, checkbox_custom_fields: {} })).toEqual({
      tags: undefined,
      custom_fields: undefined,
      note: undefined,
    });
  });

  it('sends a checkbox field mapped to only commas as no option ticked', () => {
    expect(
      readContactDetails({ checkbox_custom_fields: { Interests: ' , ' } }).custom_fields,
    ).toEqual({ Interests: [] });
  });

  it('lets a checkbox field win over a text field of the same name', () => {
    expect(
      readContactDetails({ custom_fields: { Size: 'M' }, checkbox_custom_fields: { Size: 'L,XL' } })
        .custom_fields,
    ).toEqual({ Size: ['L', 'XL'] });
  });

  it.each([
    ['Custom Fields', { custom_fields: 'Size=42' }],
    ['Checkbox Custom Fields', { checkbox_custom_fields: ['shoes'] }],
  ])('refuses %s that are not name → value pairs', (label, input) => {
    expect(inputErrorText(() => readContactDetails(input))).toBe(
      `${label}: must be field name → value pairs (one per row).`,
    );
  });

  it('refuses a Contact Note over 1000 characters, saying how long it is', () => {
    expect(inputErrorText(() => readContactDetails({ note: 'n'.repeat(1001) }))).toBe(
      'Contact Note: is 1001 characters; Callbell accepts at most 1000. Shorten it, e.g. with a Formatter step.',
    );
    expect(readContactDetails({ note: 'n'.repeat(1000) }).note).toHaveLength(1000);
  });
});

describe('readTags', () => {
  it.each([
    ['one tag', 'vip', ['vip']],
    ['a comma-separated value', 'vip, lead ,', ['vip', 'lead']],
    ['a list with comma-separated items', ['vip, lead', 'new'], ['vip', 'lead', 'new']],
    [
      'the first spelling of tags that differ in case',
      ['VIP', 'vip', 'Vip', 'lead'],
      ['VIP', 'lead'],
    ],
    ['a number', 42, ['42']],
    ['nothing', undefined, undefined],
    ['null', null, undefined],
    ['only commas and blanks', ' , ,', undefined],
    ['an empty list', [], undefined],
    ['a list holding what is not text', [{ name: 'vip' }, null, 'lead'], ['lead']],
  ])('reads %s', (_case, value, tags) => {
    expect(readTags(value)).toEqual(tags);
  });
});

describe('readCustomFields', () => {
  it.each([
    ['nothing', undefined],
    ['null', null],
    ['an empty text', ''],
    ['only blank names or values', { ' ': 'x', y: '' }],
  ])('reads %s as no custom fields', (_case, value) => {
    expect(readCustomFields(value, 'Custom Fields')).toBeUndefined();
  });

  it('reads numbers and booleans as text', () => {
    expect(readCustomFields({ Age: 42, Member: true }, 'Custom Fields')).toEqual({
      Age: '42',
      Member: 'true',
    });
  });
});
