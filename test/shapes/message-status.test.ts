import { failureReason } from '../../src/shapes/message-status';

describe('failureReason', () => {
  it.each([
    ['a BSP reason under payload', { payload: { reason: 'Number blocked' } }, 'Number blocked'],
    ['a reason at the top', { reason: 'Expired' }, 'Expired'],
    [
      'the payload reason before the top one',
      { reason: 'Expired', payload: { reason: 'Number blocked' } },
      'Number blocked',
    ],
    [
      "WhatsApp Cloud API's error details first",
      {
        errors: [
          {
            title: 'Re-engagement',
            message: 'Outside window',
            error_data: { details: '24 h passed' },
          },
        ],
      },
      '24 h passed',
    ],
    [
      'the message without details',
      { errors: [{ title: 'Re-engagement', message: 'Outside window' }] },
      'Outside window',
    ],
    ['the title alone', { errors: [{ title: 'Re-engagement' }] }, 'Re-engagement'],
    ['only the first error', { errors: [{ title: 'First' }, { message: 'Second' }] }, 'First'],
    [
      'errors under payload when the top has none',
      { payload: { errors: [{ message: 'Inner' }] } },
      'Inner',
    ],
    [
      'the top errors before those under payload',
      { errors: [{ message: 'Outer' }], payload: { errors: [{ message: 'Inner' }] } },
      'Outer',
    ],
    ['an empty reason skipped', { reason: '', errors: [{ title: 'Title' }] }, 'Title'],
  ])('reads %s', (_case, payload, reason) => {
    expect(failureReason(payload)).toBe(reason);
  });

  it.each([
    ['nothing', {}],
    ['an empty errors list', { errors: [] }],
    ['errors that is not a list', { errors: { message: 'x' } }],
    ['a payload that is not an object', { payload: 'failed' }],
    ['a reason that is not text', { reason: { code: 1 } }],
  ])('answers null for %s', (_case, payload) => {
    expect(failureReason(payload)).toBeNull();
  });
});
