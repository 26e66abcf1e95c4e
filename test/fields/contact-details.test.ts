import { readContactDetails, readCustomFields, readTags } from '../../src/fields/contact-details';
import { readRecipient, WHATSAPP_ONLY } from '../../src/fields/recipient';
import { inputErrorText } from '../helpers/operations';

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

describe('readRecipient', () => {
  it('refuses a channel type the action does not offer, listing the ones it does', () => {
    expect(inputErrorText(() => readRecipient({ from: 'telegram', to: '42' }, WHATSAPP_ONLY))).toBe(
      'Channel Type: "telegram" is not one of the choices. Use one of: whatsapp.',
    );
  });

  it.each([
    [
      'a WhatsApp number, in E.164',
      { to: '0612345678', default_country: 'NL' },
      { from: 'whatsapp', to: '+31612345678' },
    ],
    [
      'a contact ID on another channel, as given',
      { from: 'telegram', to: ' 4242 ' },
      { from: 'telegram', to: '4242' },
    ],
    [
      'a BSUID when there is no number',
      { bsuid: 'US.13491208655302741918', channel_uuid: 'ch-1' },
      { from: 'whatsapp', bsuid: 'US.13491208655302741918', channel_uuid: 'ch-1' },
    ],
    [
      'the number before a BSUID',
      { to: '+31612345678', bsuid: 'US.1' },
      { from: 'whatsapp', to: '+31612345678' },
    ],
  ])('reads %s', (_case, input, recipient) => {
    expect(readRecipient(input)).toEqual({ channel_uuid: undefined, ...recipient });
  });

  it('asks for a recipient when there is none', () => {
    expect(inputErrorText(() => readRecipient({ to: ' ' }))).toBe(
      'To: a recipient is required: map the phone number (or, outside WhatsApp, the contact ID), or fill in WhatsApp BSUID.',
    );
  });
});
