import fc from 'fast-check';
import { eventId, stableJson } from '../../src/webhooks/event-id';
import { readDelivery } from '../../src/webhooks/events';

describe('stableJson', () => {
  it('writes the same content the same way whatever the key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(stableJson(reversed)).toBe(stableJson(value));
        expect(JSON.parse(stableJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('eventId', () => {
  it('is the same for the same delivery and differs for different new messages', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(a !== b);
        const idOf = (text: string) => eventId({ event: 'message_created', payload: { text } });
        expect(idOf(a)).toBe(idOf(a));
        expect(idOf(a)).not.toBe(idOf(b));
      }),
    );
  });

  it('uses the record uuid alone for creations and deletions', () => {
    expect(eventId({ event: 'contact_created', payload: { uuid: 'abc' } })).toBe('abc');
    expect(eventId({ event: 'contact_deleted', payload: { uuid: 'abc' } })).toBe('abc');
    expect(eventId({ event: 'contact_created', payload: {} })).toMatch(
      /^contact_created-[0-9a-f]{16}$/,
    );
  });
});

describe('readDelivery', () => {
  it('accepts only {event: known event, payload: object}', () => {
    expect(readDelivery({ event: 'contact_created', payload: { uuid: 'x' } })).toEqual({
      event: 'contact_created',
      payload: { uuid: 'x' },
    });
    for (const body of [
      null,
      'x',
      [],
      { status: 'ok' },
      { event: 'unknown', payload: {} },
      { event: 'contact_created', payload: null },
    ]) {
      expect(readDelivery(body)).toBeNull();
    }
  });
});
