import fc from 'fast-check';
import { InputError } from '../../src/input-error';
import { readCustomFields, readNote, readTags } from '../../src/fields/contact-details';
import { readMetadata } from '../../src/fields/metadata';
import { readRecipient } from '../../src/fields/recipient';
import { placeholderNumbers } from '../../src/api/templates';

/** Runs a normaliser: its result, or the InputError it threw (anything else fails the test). */
function outcome<T>(normalise: () => T): { value?: T; message?: string } {
  try {
    return { value: normalise() };
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return { message: (error as InputError).text };
  }
}

const anything = fc.anything({ withNullPrototype: false });

describe('metadata', () => {
  it('never crashes: a map within Callbell limits, or an error naming Metadata', () => {
    fc.assert(
      fc.property(anything, (value) => {
        const { value: metadata, message } = outcome(() => readMetadata(value));
        if (message !== undefined) return expect(message.startsWith('Metadata: ')).toBe(true);
        if (metadata === undefined) return;
        const entries = Object.entries(metadata);
        expect(entries.length).toBeLessThanOrEqual(10);
        for (const [key, text] of entries) {
          expect(key.length).toBeLessThanOrEqual(50);
          expect(typeof text).toBe('string');
          expect(text.length).toBeLessThanOrEqual(500);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips valid metadata', () => {
    const key = fc
      .string({ minLength: 1, maxLength: 50 })
      .filter((text) => text.trim() === text && text !== '' && text !== '__proto__');
    fc.assert(
      fc.property(
        fc.dictionary(key, fc.string({ maxLength: 500 }), { maxKeys: 10 }),
        (metadata) => {
          expect(readMetadata(metadata)).toEqual(
            Object.keys(metadata).length ? metadata : undefined,
          );
        },
      ),
    );
  });

  it('refuses more than 10 keys, keys over 50 and values over 500 characters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 11, max: 40 }), (count) => {
        const metadata = Object.fromEntries(
          Array.from({ length: count }, (_, i) => [`k${i}`, 'v']),
        );
        expect(outcome(() => readMetadata(metadata)).message).toMatch(`has ${count} keys`);
      }),
    );
    expect(outcome(() => readMetadata({ ['k'.repeat(51)]: 'v' })).message).toMatch(/51 characters/);
    expect(outcome(() => readMetadata({ k: 'v'.repeat(501) })).message).toMatch(/501 characters/);
  });
});

describe('tags', () => {
  it('never crashes: unique, trimmed, comma-free tags or nothing', () => {
    fc.assert(
      fc.property(anything, (value) => {
        const tags = readTags(value);
        if (tags === undefined) return;
        expect(tags.length).toBeGreaterThan(0);
        for (const tag of tags) expect(tag).toBe(tag.trim());
        expect(tags.every((tag) => tag !== '' && !tag.includes(','))).toBe(true);
        expect(new Set(tags.map((tag) => tag.toLowerCase())).size).toBe(tags.length);
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips distinct tags, given as a list or as one comma-separated value', () => {
    const tag = fc
      .string({ minLength: 1, maxLength: 20 })
      .filter((text) => text.trim() === text && text !== '' && !text.includes(','));
    fc.assert(
      fc.property(
        fc.uniqueArray(tag, { minLength: 1, maxLength: 8, selector: (text) => text.toLowerCase() }),
        (tags) => {
          expect(readTags(tags)).toEqual(tags);
          expect(readTags(tags.join(', '))).toEqual(tags);
        },
      ),
    );
  });
});

describe('custom fields', () => {
  it('never crashes: non-empty names and values, or an error naming Custom Fields', () => {
    fc.assert(
      fc.property(anything, (value) => {
        const { value: fields, message } = outcome(() => readCustomFields(value, 'Custom Fields'));
        if (message !== undefined) return expect(message.startsWith('Custom Fields: ')).toBe(true);
        for (const [name, text] of Object.entries(fields ?? {})) {
          expect(name).toBe(name.trim());
          expect(name).not.toBe('');
          expect(typeof text).toBe('string');
          expect(text).not.toBe('');
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('notes', () => {
  it('accept up to 1000 characters and refuse more, naming the field', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 1200 }), (text) => {
        const { value, message } = outcome(() => readNote(text, 'Note'));
        if (text.trim().length > 1000)
          expect(message).toMatch(/^Note: is \d+ characters; Callbell accepts at most 1000/);
        else expect(value).toBe(text.trim() || undefined);
      }),
    );
  });
});

describe('template placeholders', () => {
  it('finds each {{n}} once, in order, whatever text surrounds them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string(), fc.integer({ min: 1, max: 20 }))),
        fc.string(),
        (parts, tail) => {
          const text =
            parts.map(([words, number]) => `${words.replace(/[{}]/g, '')}{{${number}}}`).join('') +
            tail.replace(/[{}]/g, '');
          const expected = [...new Set(parts.map(([, number]) => number))].sort((a, b) => a - b);
          expect(placeholderNumbers(text)).toEqual(expected);
        },
      ),
    );
  });
});

describe('recipient', () => {
  it('never crashes: a recipient Callbell accepts, or an error naming the field', () => {
    const input = fc.record(
      {
        to: anything,
        bsuid: anything,
        from: fc.oneof(fc.constantFrom('whatsapp', 'instagram', 'telegram'), anything),
        default_country: fc.oneof(fc.constantFrom('US', 'NL', 'BR'), anything),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(input, (value) => {
        const { value: recipient, message } = outcome(() => readRecipient(value));
        if (message !== undefined)
          return expect(message).toMatch(
            /^(To \(Phone Number or Contact ID\)|Channel Type|Default Country): /,
          );
        expect(recipient?.to ?? recipient?.bsuid).toBeTruthy();
        if (recipient?.from === 'whatsapp' && recipient.to)
          expect(recipient.to).toMatch(/^\+[1-9]\d{4,15}$/);
      }),
      { numRuns: 3000 },
    );
  });
});
