import fc from 'fast-check';
import { eventId, idIncludesDeliveryTime, stableJson } from '../../src/webhooks/event-id';
import { CONTROL_CHARACTERS } from '../../src/values';
import { CALLBELL_EVENTS, type Delivery } from '../../src/webhooks/events';

const event = fc.constantFrom(...CALLBELL_EVENTS);
const time = fc
  .integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') })
  .map((ms) => new Date(ms).toISOString());
/** Anchors that contain the separator, or are the separator. */
const anchor = fc.oneof(fc.string(), fc.constantFrom('-', 'a-b', 'a', 'b-', '-0123456789abcdef'));
const delivery: fc.Arbitrary<Delivery> = fc.record(
  {
    event,
    payload: fc.record(
      { uuid: anchor, status: fc.string(), extra: fc.jsonValue() },
      {
        requiredKeys: [],
      },
    ),
    deliveredAt: time,
  },
  { requiredKeys: ['event', 'payload'] },
);

/** What tells two deliveries apart: an id must differ whenever this does. */
function identity({ event: name, payload, deliveredAt }: Delivery): string {
  return stableJson([name, payload, idIncludesDeliveryTime(name) ? (deliveredAt ?? null) : null]);
}

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

  it.each([
    ['nothing as null', undefined, 'null'],
    ['a number that JSON cannot hold as null', Number.NaN, 'null'],
    ['an empty place in a list as null', [undefined, 1], '[null,1]'],
    ['a key with no value as absent', { b: undefined, a: 1 }, '{"a":1}'],
    [
      'keys sorted by code unit',
      { b: 1, B: 2, a: [{ y: 1, x: 2 }] },
      '{"B":2,"a":[{"x":2,"y":1}],"b":1}',
    ],
  ])('writes %s', (_case, value, expected) => {
    expect(stableJson(value)).toBe(expected);
  });

  it('writes any depth of nesting, without recursion', () => {
    const levels = 200_000;
    let deep: unknown = 'bottom';
    const opening: string[] = [];
    const closing: string[] = [];
    for (let level = 0; level < levels; level += 1) {
      deep = level % 2 ? [deep] : { n: deep };
      opening.push(level % 2 ? '[' : '{"n":');
      closing.push(level % 2 ? ']' : '}');
    }
    const expected = `${opening.reverse().join('')}"bottom"${closing.join('')}`;
    expect(stableJson(deep) === expected).toBe(true);
  });
});

describe('eventId', () => {
  it('is the same for the same delivery, and differs whenever deliveries differ', () => {
    fc.assert(
      fc.property(delivery, delivery, (a, b) => {
        expect(eventId(a)).toBe(eventId(structuredClone(a)));
        if (identity(a) !== identity(b)) expect(eventId(a)).not.toBe(eventId(b));
      }),
      { numRuns: 1000 },
    );
  });

  it('ends in 16 hex digits after a readable start without spaces or control characters', () => {
    fc.assert(
      fc.property(delivery, (value) => {
        expect(eventId(value)).toMatch(/^\S{1,64}-[0-9a-f]{16}$/);
        expect(CONTROL_CHARACTERS.test(eventId(value))).toBe(false);
      }),
    );
  });

  const contact = 'eb2b914a977e4ab896e7b886698b3eac';
  const at = (seconds: number) => new Date(Date.UTC(2026, 10, 20, 10, 0, seconds)).toISOString();
  const updated = (tags: string[], seconds: number): Delivery => ({
    event: 'contact_updated',
    payload: { uuid: contact, tags },
    deliveredAt: at(seconds),
  });
  const login = (seconds: number): Delivery => ({
    event: 'agent_session_updated',
    payload: { action: 'user_logged_in', user: { email: 'a@example.com' } },
    deliveredAt: at(seconds),
  });
  const failed = (reason: string): Delivery => ({
    event: 'message_status_updated',
    payload: { uuid: contact, status: 'failed', messageStatusPayload: { payload: { reason } } },
  });
  const message = (ms: number): Delivery => ({
    event: 'message_created',
    payload: { text: 'ok', createdAt: '2026-11-20T10:00:00Z', contact: { uuid: contact } },
    deliveredAt: new Date(Date.UTC(2026, 10, 20, 10, 0, 0, ms)).toISOString(),
  });

  it.each<[string, Delivery[]]>([
    ['tags changed and changed back', [updated(['A'], 1), updated([], 2), updated(['A'], 3)]],
    ['two log-ins', [login(1), login(2)]],
    ['a message failing twice with different reasons', [failed('expired'), failed('blocked')]],
    [
      'contact_created and contact_deleted of one uuid',
      [
        { event: 'contact_created', payload: { uuid: contact } },
        { event: 'contact_deleted', payload: { uuid: contact } },
      ],
    ],
    [
      'id parts that contain the separator',
      [
        { event: 'message_status_updated', payload: { uuid: 'a-b', status: 'c' } },
        { event: 'message_status_updated', payload: { uuid: 'a', status: 'b-c' } },
      ],
    ],
    ['two identical messages in one second', [message(100), message(600)]],
  ])('different events never share an id: %s', (_, events) => {
    const ids = events.map(eventId);
    expect(new Set(ids).size).toBe(events.length);
  });

  it('ignores the delivery time of events that carry their own time', () => {
    const closed = { event: 'conversation_closed' as const, payload: { closedAt: at(1) } };
    expect(eventId({ ...closed, deliveredAt: at(5) })).toBe(
      eventId({ ...closed, deliveredAt: at(9) }),
    );
  });
});
