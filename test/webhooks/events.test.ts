import { eventId } from '../../src/webhooks/event-id';
import { readDelivery, type Delivery } from '../../src/webhooks/events';

describe('readDelivery', () => {
  it('reads {event: known event, payload: object}', () => {
    expect(readDelivery({ event: 'contact_created', payload: { uuid: 'x' } })).toMatchObject({
      event: 'contact_created',
      payload: { uuid: 'x' },
    });
  });

  it.each([
    ['null', null],
    ['a string', 'x'],
    ['a list', []],
    ["Callbell's connection check", { status: 'ok' }],
    ['an unknown event', { event: 'unknown', payload: {} }],
    ['an event that is not text', { event: ['contact_created'], payload: {} }],
    ['a payload that is not an object', { event: 'contact_created', payload: null }],
  ])('takes %s for no event', (_case, body) => {
    expect(readDelivery(body)).toBeNull();
  });

  it('dates a delivery-log entry by its createdAt, and a live POST by when it is read', () => {
    const body = { event: 'contact_updated', payload: { uuid: 'x' } };
    expect(readDelivery({ ...body, createdAt: '2022-11-08T15:41:49Z' })?.deliveredAt).toBe(
      '2022-11-08T15:41:49Z',
    );
    jest.spyOn(Date, 'now').mockReturnValueOnce(Date.parse('2026-11-20T10:00:00.123Z'));
    expect(readDelivery(body)?.deliveredAt).toBe('2026-11-20T10:00:00.123Z');
  });

  describe('payloads nested past 32 levels', () => {
    /** `inner` under `levels` alternating objects and lists: {a: [{a: [… inner …]}]}. */
    const nest = (levels: number, inner: unknown) => {
      let value = inner;
      for (let level = levels; level > 0; level -= 1) value = level % 2 ? { a: value } : [value];
      return value;
    };
    const note = expect.stringMatching(/^\[nested too deeply: [0-9a-f]{16}\]$/);
    const inner = { text: 'x', none: null, list: ['y'], object: { z: 1 } };

    it('keeps 32 levels as they were', () => {
      const payload = { text: 'hi', deep: nest(29, inner) };
      expect(readDelivery({ event: 'message_created', payload })?.payload).toEqual(payload);
    });

    it('replaces what lies below level 32 by a note, keeping the values at that level', () => {
      const payload = { text: 'hi', deep: nest(30, inner) };
      expect(readDelivery({ event: 'message_created', payload })?.payload).toEqual({
        text: 'hi',
        deep: nest(30, { text: 'x', none: null, list: note, object: note }),
      });
    });

    it('cuts 100,000 levels without overflowing, keeping apart payloads that differ down there', () => {
      const delivery = (bottom: string) =>
        readDelivery({ event: 'message_created', payload: { deep: nest(100_000, bottom) } });
      const a = delivery('a');
      expect(() => JSON.stringify(a)).not.toThrow();
      expect(JSON.stringify(a?.payload)).toMatch(/"\[nested too deeply: [0-9a-f]{16}\]"/);
      expect(eventId({ ...(a as Delivery), deliveredAt: undefined })).not.toBe(
        eventId({ ...(delivery('b') as Delivery), deliveredAt: undefined }),
      );
    });
  });
});
