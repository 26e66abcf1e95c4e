import type { ZObject } from 'zapier-platform-core';
import { downloadFailure } from '../../src/hydrators/download-errors';
import { appTester, bundleWith } from '../helpers/app';

/** What a failure of the download becomes, as core's z.errors words it. */
async function worded(error: unknown) {
  const thrown = await appTester(async (z: ZObject) => {
    throw downloadFailure(z, error, 25);
  }, bundleWith()).then(
    () => undefined,
    (failure: Error) => failure,
  );
  return JSON.parse(String(thrown?.message)) as { message: string; code: string };
}

describe('downloadFailure: every way a download fails, in the app’s words', () => {
  it.each([
    [
      'an internal address met when connecting (DNS rebinding)',
      Object.assign(new Error('request to https://x failed'), {
        name: 'FetchError',
        code: 'EINTERNALADDRESS',
      }),
      'AttachmentRefused',
      'Map a message attachment from a Callbell trigger: this file link leads to a private, local or cloud-internal address, so it was not downloaded.',
    ],
    [
      'the abort at the time limit',
      Object.assign(new Error('The user aborted a request.'), { name: 'AbortError' }),
      'AttachmentTimedOut',
      'Try again in a few minutes: the file host did not deliver the attachment within 25 seconds.',
    ],
    [
      "node-fetch's own timeout",
      Object.assign(new Error('network timeout at: https://x/secret-path'), {
        name: 'FetchError',
        type: 'request-timeout',
      }),
      'AttachmentTimedOut',
      'Try again in a few minutes: the file host did not deliver the attachment within 25 seconds.',
    ],
    [
      'a failed connection without a code',
      Object.assign(new Error('request to https://x failed'), { name: 'FetchError' }),
      'AttachmentNotDownloaded',
      'Try again in a few minutes, or open the attachment in Callbell: it could not be downloaded, the file host could not be reached (connection failed).',
    ],
  ])('%s', async (_case, error, code, message) => {
    expect(await worded(error)).toEqual({ message, code });
  });
});
