import fc from 'fast-check';
import { parseCountry, toDigits, toE164 } from '../src/phone';
import { inputErrorText } from './helpers/operations';

const field = 'To (Phone Number)';

describe('toE164', () => {
  it.each([
    // The examples the brief names
    ['+1 (201) 555-0123', undefined, '+12015550123'],
    ['201-555-0123', 'US', '+12015550123'],
    ['0031 6 1234 5678', undefined, '+31612345678'],
    ['0612345678', 'NL', '+31612345678'],
    // Shopify: customer.phone and shipping_address.phone as stores receive them
    ['+16135551212', undefined, '+16135551212'],
    ['(613) 555-1212', 'CA', '+16135551212'],
    // Calendly: text_reminder_number as invitees type it
    ['+44 7400 123456', undefined, '+447400123456'],
    ['07400 123456', 'GB', '+447400123456'],
    // Typeform phone_number answers are E.164 already
    ['+5511987654321', undefined, '+5511987654321'],
    ['(11) 98765-4321', 'br', '+5511987654321'],
    // Callbell's own format: digits with country code, no plus
    ['31612345678', undefined, '+31612345678'],
    ['31612345678', 'NL', '+31612345678'],
    ['31612345678', 'US', '+31612345678'],
    // International prefixes and punctuation
    ['011 31 6 12345678', 'US', '+31612345678'],
    ['+49 (0)30 901820', undefined, '+4930901820'],
    ['+33 1 23 45 67 89', undefined, '+33123456789'],
    ['+91 98765 43210', undefined, '+919876543210'],
    ['+971 50 123 4567', undefined, '+971501234567'],
    ['+61 412 345 678', undefined, '+61412345678'],
    ['+34 612 34 56 78', undefined, '+34612345678'],
    ['  +39 312 345 6789  ', undefined, '+393123456789'],
    ['+52 55 1234 5678', undefined, '+525512345678'],
    [5511987654321, undefined, '+5511987654321'],
  ])('%j (default country %s) → %s', (value, defaultCountry, expected) => {
    expect(toE164({ value, defaultCountry, fieldLabel: field })).toBe(expected);
  });

  it.each([
    ['555-555-SHIP', 'US', /"555-555-SHIP" contains letters/],
    // One rule for extensions, however they are written: refused.
    ['+1 201 555 0123 ext. 12', undefined, /has an extension, which WhatsApp cannot dial/],
    ['+1 201 555 0123 #12', undefined, /has an extension, which WhatsApp cannot dial/],
    ['+1 201-555-0123 x5', undefined, /has an extension, which WhatsApp cannot dial/],
    ['+1 201 555 0123;ext=5', undefined, /has an extension, which WhatsApp cannot dial/],
    ['0612345678', undefined, /"0612345678" is not a valid phone number\. Add the country code/],
    ['212-555-0123', undefined, /is not a valid phone number\. Add the country code/],
    // Possible for the country (the right length) but not valid there: no US number starts with 0.
    [
      '0612345678',
      'US',
      /"0612345678" is not a valid phone number\. Check the number, or the Default Country \(US\)/,
    ],
    ['+1 (555) 010-2345', undefined, /is not a valid phone number/],
    ['1'.repeat(65), undefined, /is 65 characters, too long for a phone number/],
    [
      '12',
      'NL',
      /"12" is not a valid phone number\. Check the number, or the Default Country \(NL\)/,
    ],
    ['+999 1234 5678', undefined, /is not a valid phone number/],
    ['++--', undefined, /is not a valid phone number/],
    ['', 'US', /a phone number is required/],
    ['   ', undefined, /a phone number is required/],
    [undefined, undefined, /a phone number is required/],
    [{ phone: '1' }, undefined, /a phone number is required/],
  ])('refuses %j (default country %s), naming the field', (value, defaultCountry, message) => {
    const text = inputErrorText(() => toE164({ value, defaultCountry, fieldLabel: field }));
    expect(text).toMatch(message);
    expect(text.startsWith(`${field}: `)).toBe(true);
  });

  it('refuses an unknown default country, naming that field', () => {
    expect(
      inputErrorText(() =>
        toE164({ value: '0612345678', defaultCountry: 'Holland', fieldLabel: field }),
      ),
    ).toMatch(/^Default Country: "Holland" is not a two-letter country code/);
  });
});

describe('toDigits', () => {
  it('gives the digits Callbell looks contacts up by', () => {
    expect(toDigits({ value: '+1 (201) 555-0123', fieldLabel: field })).toBe('12015550123');
    expect(toDigits({ value: '0612345678', defaultCountry: 'NL', fieldLabel: field })).toBe(
      '31612345678',
    );
  });
});

describe('parseCountry', () => {
  it('accepts ISO codes in any case and nothing else', () => {
    expect(parseCountry(' nl ', 'Default Country')).toBe('NL');
    expect(parseCountry('', 'Default Country')).toBeUndefined();
    expect(parseCountry(undefined, 'Default Country')).toBeUndefined();
    expect(inputErrorText(() => parseCountry('XX', 'Default Country'))).toMatch(
      /"XX" is not a two-letter/,
    );
  });
});

describe('properties', () => {
  it('never crashes on arbitrary input: a valid E.164 number or an error naming the field', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.option(fc.constantFrom('US', 'NL', 'GB', 'BR', 'IN')),
        (value, country) => {
          try {
            expect(toE164({ value, defaultCountry: country, fieldLabel: field })).toMatch(
              /^\+[1-9]\d{4,15}$/,
            );
          } catch (error) {
            expect(inputErrorText(error).startsWith(`${field}: `)).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('round-trips: a number written in E.164 comes back unchanged, from any formatting', () => {
    const formatted = fc
      .constantFrom(
        '+31612345678',
        '+12015550123',
        '+447400123456',
        '+5511987654321',
        '+919876543210',
      )
      .chain((e164) =>
        fc.tuple(
          fc.constant(e164),
          fc.array(fc.constantFrom(' ', '-', '.', '(', ')'), { maxLength: 3 }),
        ),
      );
    fc.assert(
      fc.property(formatted, ([e164, noise]) => {
        const written = `+${e164.slice(1, 3)}${noise.join('')}${e164.slice(3)}`;
        expect(toE164({ value: written, fieldLabel: field })).toBe(e164);
      }),
    );
  });
});

describe('the rules behind each refusal', () => {
  const text = (value: string, defaultCountry?: string) =>
    inputErrorText(() => toE164({ value, defaultCountry, fieldLabel: field }));

  it('takes 64 characters of formatting around a number, and refuses 65', () => {
    const padded = (length: number) => `+31 6 1234 5678${' '.repeat(length - 15)}`;
    expect(toE164({ value: padded(64), fieldLabel: field })).toBe('+31612345678');
    expect(text(padded(65))).toMatch(/^To \(Phone Number\): ".*" is 65 characters, too long/);
  });

  it.each([
    '+31 6 1234 5678 ext 12',
    '+31 6 1234 5678 ext. 12',
    '+31 6 1234 5678;ext=12',
    '+31 6 1234 5678 ; ext=12',
    '+31 6 1234 5678 extension 12',
    '+31 6 1234 5678 x 12',
    '+31 6 1234 5678x12',
    '+31 6 1234 5678 # 12 ',
  ])('refuses the extension in %j, showing a number to map instead', (value) => {
    expect(text(value)).toBe(
      `To (Phone Number): "${value}" has an extension, which WhatsApp cannot dial. Map the number without it (e.g. +31 6 1234 5678).`,
    );
  });

  it.each([
    ['digits with a country code and spaces around them', '  31612345678 ', '+31612345678'],
    ['digits with a country code and punctuation', '31-6-1234-5678', '+31612345678'],
    ['"00" after spaces', ' 0031 6 1234 5678', '+31612345678'],
    ['"00" and a space before the country code', '00 33 6 00 12 34 56', '+33600123456'],
    ['digits holding "00" past the start', '33 6 00 12 34 56', '+33600123456'],
    ['a "+" inside brackets', '(+33) 6 12 34 56 78', '+33612345678'],
  ])('with no default country, reads %s as international', (_case, value, expected) => {
    expect(toE164({ value, fieldLabel: field })).toBe(expected);
  });

  it.each([
    ['a "+" number that is not valid', '+31 6 1234'],
    ['a "00" number that is not valid', '0031 6 1234'],
    ['a national number', '0612345678'],
  ])('with no default country, never guesses %s into another country', (_case, value) => {
    expect(text(value)).toBe(
      `To (Phone Number): "${value}" is not a valid phone number. Add the country code to the number, or choose a Default Country for numbers written without one.`,
    );
  });

  it('with a default country, says which one it tried', () => {
    expect(text('0612345678', 'US')).toBe(
      'To (Phone Number): "0612345678" is not a valid phone number. Check the number, or the Default Country (US) when the number has no country code.',
    );
  });
});
