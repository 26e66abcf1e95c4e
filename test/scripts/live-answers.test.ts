import { maskPhone, verdictFrom, wrapping } from '../../scripts/lib/check-live/answers';
import type { Exchange } from '../../scripts/lib/check-live/session';

const answer = (status: number): Exchange => ({
  method: 'GET',
  path: '/channels',
  query: new URLSearchParams(),
  status,
  body: {},
});

describe("check-live's reading of Callbell's answers", () => {
  it.each<[string, Exchange | undefined, boolean, string]>([
    ['200, the test passes', answer(200), true, 'holds'],
    ['200, the test fails', answer(200), false, 'does not hold'],
    ['422: Callbell refused', answer(422), false, 'does not hold'],
    ['no request', undefined, false, 'could not be checked'],
    ['no answer', answer(0), true, 'could not be checked'],
    ['429: throttled', answer(429), true, 'could not be checked'],
    ['503: Callbell is down', answer(503), true, 'could not be checked'],
    ['500 on a test that fails', answer(500), false, 'could not be checked'],
  ])('%s → %s', (_case, exchange, holds, verdict) => {
    expect(verdictFrom(exchange, holds)).toBe(verdict);
  });

  it.each<[unknown, string]>([
    [{ uuid: 'a' }, 'object'],
    [[{ uuid: 'a' }], 'one-element array'],
    [[], 'array of 0'],
    [undefined, 'absent'],
    ['text', 'string'],
  ])('a record given as %j is an %s', (value, shape) => {
    expect(wrapping(value)).toBe(shape);
  });

  it.each([
    ['+31 6 1234 5678', '+3161…78'],
    ['31612345678', '+3161…78'],
    ['12345', '+…'],
  ])('shows the number %s as %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});
