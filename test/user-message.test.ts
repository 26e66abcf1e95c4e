import { fitMessage, MAX_MESSAGE_LENGTH, shorten } from '../src/user-message';

describe('shorten', () => {
  it.each([
    ['text that fits stays as it is', 'abcdef', 6, 'abcdef'],
    ['longer text ends in an ellipsis, max characters in all', 'abcdefgh', 6, 'abcde…'],
    ['room for the ellipsis alone', 'abcdef', 1, '…'],
    ['no room at all', 'abcdef', 0, ''],
    ['a surrogate pair is never split', 'ab😀cd', 4, 'ab…'],
    ['a surrogate pair that fits whole stays', 'ab😀cd', 5, 'ab😀…'],
    // U+D800 and U+DBFF are the first and last high surrogates.
    ['the first character past the BMP is never split', 'ab\u{10000}cd', 4, 'ab…'],
    ['the last Unicode character is never split', 'ab\u{10FFFF}cd', 4, 'ab…'],
    ['a character just below the surrogates is cut as one', 'ab\uD7FFcd', 4, 'ab\uD7FF…'],
  ])('%s', (_case, text, max, expected) => {
    expect(shorten(text, max)).toBe(expected);
    expect(shorten(text, max).length).toBeLessThanOrEqual(max);
  });
});

describe('fitMessage', () => {
  const before = 'Do this first: Callbell said ';
  const after = '. Then replay the step.';

  it('joins the three parts when they fit', () => {
    expect(fitMessage(before, 'no', after)).toBe(`${before}no${after}`);
  });

  it('fits exactly 250 characters with the detail filling the room', () => {
    const room = MAX_MESSAGE_LENGTH - before.length - after.length;
    const detail = 'x'.repeat(room);
    expect(fitMessage(before, detail, after)).toBe(`${before}${detail}${after}`);
  });

  it('shortens the detail, never the advice around it', () => {
    const message = fitMessage(before, 'y'.repeat(1000), after);
    expect(message).toHaveLength(MAX_MESSAGE_LENGTH);
    expect(message.startsWith(before)).toBe(true);
    expect(message.endsWith(`…${after}`)).toBe(true);
  });

  it.each([
    ['no room left for the detail', 'b'.repeat(120), 'a'.repeat(130)],
    ['one character of room', 'b'.repeat(120), 'a'.repeat(129)],
    ['advice longer than 250 on its own', 'b'.repeat(200), 'a'.repeat(200)],
  ])('with %s, drops the detail and shortens the rest to 250', (_case, start, end) => {
    const message = fitMessage(start, 'detail', end);
    expect(message).not.toContain('detail');
    expect(message).toBe(shorten(`${start}${end}`, MAX_MESSAGE_LENGTH));
    expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
  });

  it('uses two characters of room for one character and the ellipsis', () => {
    const start = 'b'.repeat(120);
    const end = 'a'.repeat(128);
    expect(fitMessage(start, 'detail', end)).toBe(`${start}d…${end}`);
  });
});
