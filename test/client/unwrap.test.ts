import { single, unwrapOne } from '../../src/client/unwrap';

describe('unwrapOne', () => {
  const contact = { uuid: 'eb2b914a977e4ab896e7b886698b3eac', name: 'John Doe' };

  it('takes the contact whether Callbell sends an object or a one-element array', () => {
    expect(unwrapOne(contact, 'contact')).toBe(contact);
    expect(unwrapOne([contact], 'contact')).toBe(contact);
  });

  it.each([undefined, null, [], [null]])('explains a missing contact (%j)', (value) => {
    expect(() => unwrapOne(value as never, 'contact')).toThrow(
      expect.objectContaining({
        name: 'AppError',
        message: expect.stringContaining(
          "Callbell's answer did not include the contact, so it is unknown what happened.",
        ),
      }),
    );
  });
});

describe('single', () => {
  it('takes the record or the first of a list, and nothing from nothing', () => {
    expect(single({ uuid: 'a' })).toEqual({ uuid: 'a' });
    expect(single([{ uuid: 'a' }, { uuid: 'b' }])).toEqual({ uuid: 'a' });
    expect(single([])).toBeUndefined();
    expect(single(null)).toBeUndefined();
  });
});
