import nock from 'nock';
import type { ZObject } from 'zapier-platform-core';
import { placeholderNumbers } from '../../src/api/templates';
import { readErrorBody } from '../../src/client/error-body';
import { redactor, REDACTED } from '../../src/client/redact';
import { callbell } from '../../src/client/request';
import { MAX_CONCURRENT_REQUESTS, MAX_REQUESTS_PER_STEP } from '../../src/client/step';
import { userListDropdown, MAX_MEMBER_PAGES_PER_LIST } from '../../src/dropdowns/user_list';
import { readAssignment } from '../../src/fields/assignment';
import { readCustomFields, readTags } from '../../src/fields/contact-details';
import { readMetadata } from '../../src/fields/metadata';
import { readRecipient } from '../../src/fields/recipient';
import { eventId } from '../../src/webhooks/event-id';
import { API_KEY, API_URL, appTester, bundleWith } from '../helpers/app';
import { fill } from '../helpers/dropdown';
import { inputErrorText } from '../helpers/operations';
import { expectUserFacing } from './helpers';

/**
 * Item 5 (every loop over pages has a total cap and a concurrency cap; oversized answers are
 * refused) and item 7 (every normaliser is linear: inputs far larger than any Zap sends are
 * handled within the default test timeout, a quadratic one would take minutes; no timing is
 * asserted).
 */
const about = { action: 'read teams', thing: 'team' };

/** Callbell answering `answer(path)` to every GET, counting requests in flight. */
function countingCallbell(answer: (path: string) => unknown) {
  const stats = { requests: 0, inFlight: 0, mostAtOnce: 0 };
  nock(API_URL)
    .persist()
    .get(/.*/)
    .reply(async (path) => {
      stats.requests += 1;
      stats.inFlight += 1;
      stats.mostAtOnce = Math.max(stats.mostAtOnce, stats.inFlight);
      for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      stats.inFlight -= 1;
      return [200, answer(path)];
    });
  return stats;
}

describe('loops over pages', () => {
  it(`user_list reads at most ${MAX_MEMBER_PAGES_PER_LIST} member pages, ${MAX_CONCURRENT_REQUESTS} at once, however many pages teams claim`, async () => {
    const teams = Array.from({ length: 300 }, (_, index) => ({
      uuid: index.toString(16).padStart(32, '0'),
      name: `Team ${index}`,
    }));
    const stats = countingCallbell((path) =>
      path.startsWith('/v1/teams?')
        ? { teams, meta: { page: 1, pages: 10_000 } }
        : { users: [{ email: `${path.split('/')[3]}@example.com` }], meta: { pages: 10_000 } },
    );
    const choices = await fill(userListDropdown);
    expect(stats.requests).toBe(1 + MAX_MEMBER_PAGES_PER_LIST);
    expect(stats.mostAtOnce).toBeLessThanOrEqual(MAX_CONCURRENT_REQUESTS);
    expect(choices.length).toBeGreaterThan(0);
    nock.cleanAll();
  });

  it(`a step stops at ${MAX_REQUESTS_PER_STEP} requests and ${MAX_CONCURRENT_REQUESTS} at once, whatever its code asks`, async () => {
    const stats = countingCallbell(() => ({ teams: [] }));
    // Every call is let to finish, so the count is final when it is read.
    const outcomes = await appTester(
      (z: ZObject) =>
        Promise.allSettled(
          Array.from({ length: 80 }, () => callbell(z, { path: '/teams', about })),
        ),
      bundleWith(),
    );
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(refused).toHaveLength(80 - MAX_REQUESTS_PER_STEP);
    const error = (refused[0] as PromiseRejectedResult).reason as unknown;
    expect(expectUserFacing(error)).toMatch(
      /^This step needed more than 50 requests to read teams, more than it ever should, and stopped/,
    );
    expect(stats.requests).toBe(MAX_REQUESTS_PER_STEP);
    expect(stats.mostAtOnce).toBe(MAX_CONCURRENT_REQUESTS);
    nock.cleanAll();
  });
});

describe('answer size', () => {
  it.each([
    [
      'a 3 MB JSON answer is refused, not parsed',
      200,
      JSON.stringify({ teams: [], pad: 'x'.repeat(3 * 1024 * 1024) }),
      'Try again in a few minutes. Callbell answered (HTTP 200) with more than 2 MB, not the JSON it documents, so this step could not read it to read teams; nothing was changed.',
    ],
    [
      'a 3 MB error page is not read; its status still speaks',
      500,
      'x'.repeat(3 * 1024 * 1024),
      'Try again in a few minutes. Callbell is temporarily unavailable (HTTP 500).',
    ],
  ])('%s', async (_, status, body, message) => {
    nock(API_URL).get('/v1/teams').reply(status, body);
    const error = await appTester(
      (z: ZObject) => callbell(z, { path: '/teams', about }),
      bundleWith(),
    ).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(expectUserFacing(error)).toBe(message);
  });
});

describe('normalisers are linear in their input', () => {
  it('de-duplicates 200,000 tags', () => {
    const tags = Array.from({ length: 200_000 }, (_, index) => `Tag${index % 150_000}`);
    expect(readTags(tags)).toHaveLength(150_000);
    expect(readTags(tags.join(','))).toHaveLength(150_000);
  });

  it('reads 200,000 custom fields and refuses 200,000 metadata keys at once', () => {
    const fields = Object.fromEntries(
      Array.from({ length: 200_000 }, (_, index) => [`Field ${index}`, `${index}`]),
    );
    expect(Object.keys(readCustomFields(fields, 'Custom Fields') ?? {})).toHaveLength(200_000);
    expect(inputErrorText(() => readMetadata(fields))).toMatch(/^Metadata: has 200000 keys/);
  });

  it('refuses a 1 MB phone number and a 1 MB assignee without backtracking', () => {
    const long = `+31 ${'6'.repeat(1024 * 1024)}`;
    expect(inputErrorText(() => readRecipient({ to: long }))).toMatch(
      /too long for a phone number/,
    );
    const dots = `a@${'a.'.repeat(500_000)} `;
    expect(inputErrorText(() => readAssignment({ assigned_user: dots }))).toMatch(
      /^Assign to Agent: .* is not an email address/,
    );
  });

  it('reads a 2 MB error body of 100,000 fields, and finds 100,000 placeholders', () => {
    const errors = Object.fromEntries(
      Array.from({ length: 100_000 }, (_, index) => [`field${index}`, ['is invalid']]),
    );
    const detail = readErrorBody(JSON.stringify({ errors }));
    expect(detail.message.length).toBeLessThanOrEqual(500);
    expect(detail.fields.length).toBeLessThanOrEqual(5);
    const text = Array.from({ length: 100_000 }, (_, index) => `w {{${index + 1}}}`).join(' ');
    expect(placeholderNumbers(text)).toHaveLength(100_000);
  });

  it('redacts 1 MB of text and digests a 1 MB delivery', () => {
    const text = `${'word '.repeat(200_000)}${API_KEY.toUpperCase()}`;
    expect(redactor(API_KEY).text(text).endsWith(REDACTED)).toBe(true);
    const payload = {
      uuid: 'x',
      items: Array.from({ length: 50_000 }, (_, n) => ({ n, t: 'abc' })),
    };
    expect(eventId({ event: 'contact_updated', payload })).toMatch(/^x-[0-9a-f]{16}$/);
  });
});
