import { PassThrough, Readable } from 'node:stream';
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import App from '../../index';
import { attachmentFile } from '../../src/hydrators/attachment_file';
import { MAX_FILE_MB, MAX_REDIRECTS } from '../../src/hydrators/download';
import { messageCreatedTrigger } from '../../src/triggers/message_created';
import { newEventTrigger } from '../../src/triggers/new_event';
import { MAX_MESSAGE_LENGTH } from '../../src/user-message';
import { API_KEY, API_PATH, API_URL, appTester, bundleWith, callbellApi } from '../helpers/app';
import { elapse, useFakeClock } from '../helpers/clock';
import { coreStash, endCoreStash, storedAs } from '../helpers/core-stash';
import { fakeDns, HANGING_NAME } from '../helpers/fake-dns';
import { deliver, documentedDelivery } from '../helpers/hook-trigger';

const CDN = 'https://files.example-cdn.com';
const FILE_PATH = '/uploads/conversation_attachment/1/invoice.pdf';
const FILE_URL = `${CDN}${FILE_PATH}`;
const CALLBELL_FILE = `${API_URL}${API_PATH}/uploads/conversation_attachment/7/photo.png`;

/** What DNS answers in these tests: every other name is not found. */
const DNS: Record<string, string[]> = {
  'files.example-cdn.com': ['93.184.216.34'],
  'other-cdn.example.net': ['2606:2800:220:1::1'],
  'api.callbell.eu': ['52.1.2.3'],
  'inside.example.com': ['10.1.2.3'],
  'rebound.example.com': ['93.184.216.34', '127.0.0.1'],
  'mapped.example.com': ['::ffff:a9fe:a9fe'],
  'cdn.api.callbell.eu': ['52.1.2.4'],
};

beforeEach(() => fakeDns(DNS));

afterEach(() => jest.restoreAllMocks());

interface Stashed {
  bytes: number;
  filename?: string;
  contentType?: string;
}

/** The hydrator as Zapier runs it; z.stashFile reads the whole body, as core's does. */
async function hydrate(url: string) {
  const stashed: Stashed[] = [];
  const result = await appTester(async (z: ZObject, bundle: Bundle) => {
    z.stashFile = (async (
      input: NodeJS.ReadableStream,
      _length?: number,
      filename?: string,
      contentType?: string,
    ) => {
      let bytes = 0;
      for await (const chunk of input) bytes += (chunk as Buffer).length;
      stashed.push({ bytes, filename, contentType });
      return 'https://zapier-stash.example/file';
    }) as unknown as ZObject['stashFile'];
    return attachmentFile(z, bundle);
  }, bundleWith({ url }));
  return { result, stashed };
}

/** The error a hydration ends with, checked against the rules every error of the app keeps. */
async function failure(url: string): Promise<Error & { code?: string }> {
  const error = await hydrate(url).then(
    () => undefined,
    (thrown: Error & { code?: string }) => thrown,
  );
  if (!error) throw new Error('the download was expected to fail');
  expect(error.message.toLowerCase()).not.toContain(API_KEY.toLowerCase().slice(0, 12));
  return error;
}

const errorCode = (error: Error) => (JSON.parse(error.message) as { code?: string }).code;

/** The link's code as core's z.errors.Error carries it (JSON in the message). */
async function refusal(url: string): Promise<{ code?: string; message: string }> {
  const error = await failure(url);
  const { code, message } = JSON.parse(error.message) as { code?: string; message: string };
  expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
  return { code, message };
}

/** Links that lead inside Zapier's network, written every way a link can write them. */
const INTERNAL_LINKS: [string, string][] = [
  ['cloud metadata', 'https://169.254.169.254/latest/meta-data/iam/'],
  ['ECS credentials', 'https://169.254.170.2/v2/credentials'],
  ['private 10/8', 'https://10.0.0.1/file.pdf'],
  ['private 172.16/12', 'https://172.16.5.4/file.pdf'],
  ['private 192.168/16', 'https://192.168.1.1/file.pdf'],
  ['unspecified', 'https://0.0.0.0/file.pdf'],
  ['loopback 127.0.0.2', 'https://127.0.0.2/file.pdf'],
  ['loopback, decimal', 'https://2130706433/file.pdf'],
  ['loopback, hex', 'https://0x7f.1/file.pdf'],
  ['carrier-grade NAT', 'https://100.100.100.200/latest/meta-data/'],
  ['IPv4-mapped loopback', 'https://[::ffff:7f00:1]/file.pdf'],
  ['IPv4-mapped metadata', 'https://[::ffff:169.254.169.254]/'],
  ['IPv6 loopback', 'https://[::1]/file.pdf'],
  ['IPv6 unspecified', 'https://[::]/file.pdf'],
  ['IPv6 link-local', 'https://[fe80::1]/file.pdf'],
  ['AWS IPv6 metadata', 'https://[fd00:ec2::254]/latest/meta-data/'],
  ['NAT64 of metadata', 'https://[64:ff9b::a9fe:a9fe]/'],
  ['GCP metadata name', 'https://metadata.google.internal/computeMetadata/v1/'],
  ['localhost', 'https://localhost/file.pdf'],
  ['a name resolving inside', 'https://inside.example.com/file.pdf'],
  ['a name with one address inside', 'https://rebound.example.com/file.pdf'],
  ['a name resolving to mapped metadata', 'https://mapped.example.com/file.pdf'],
];

/** Links refused before any request for what they are, not where they lead. */
const REFUSED_LINKS: [string, string][] = [
  ['plain http', 'http://files.example-cdn.com/a.pdf'],
  ['not a URL', 'not a url'],
  ['empty', ''],
  ['user info', 'https://user:secret@files.example-cdn.com/a.pdf'],
  [
    'template text core refuses',
    'https://files.example-cdn.com/a.pdf?k={{bundle.authData.api_key}}',
  ],
  ['another port', 'https://files.example-cdn.com:8443/a.pdf'],
  ["Callbell's contact list", `${API_URL}${API_PATH}/contacts?page=1`],
  ["Callbell's API root", `${API_URL}${API_PATH}`],
  [
    'a dot-dot escape from the file path',
    `${API_URL}${API_PATH}/uploads/conversation_attachment/../../contacts`,
  ],
  [
    'an encoded slash escape',
    `${API_URL}${API_PATH}/uploads/conversation_attachment/..%2F..%2Fcontacts`,
  ],
];

describe('attachment files', () => {
  it.each([
    ['message_created', messageCreatedTrigger, {}],
    ['new_event', newEventTrigger, { events: ['message_created'] }],
  ])('%s offers each attachment as a file, fetched only when used', async (_, trigger, input) => {
    const withAttachment = {
      event: 'message_created',
      payload: { ...documentedDelivery('message_created').payload, attachments: [FILE_URL] },
    };
    const [output] = await deliver(trigger, withAttachment, input);
    expect(output?.attachments).toEqual([FILE_URL]);
    expect(output?.attachment_files).toEqual([
      expect.stringMatching(/^hydrate\|\|\|.*"hydrators\.attachmentFile".*\|\|\|hydrate$/),
    ]);
    expect(String((output?.attachment_files as string[])[0])).toContain(FILE_URL);
  });

  it('a message without attachments offers no file', async () => {
    const [output] = await deliver(messageCreatedTrigger, documentedDelivery('message_created'));
    expect(output?.attachment_files).toEqual([]);
  });

  it('downloads from the file host without the Callbell key, with its name and type', async () => {
    const scope = nock(CDN, { badheaders: ['authorization'] })
      .get(FILE_PATH)
      .reply(200, '%PDF-1.4', { 'Content-Type': 'application/pdf' });
    const { result, stashed } = await hydrate(FILE_URL);
    expect(result).toBe('https://zapier-stash.example/file');
    expect(stashed).toEqual([
      { bytes: 8, filename: 'invoice.pdf', contentType: 'application/pdf' },
    ]);
    scope.done();
  });

  it("core's own stashFile stores the download under the link's name and the host's type", async () => {
    const scope = nock(CDN)
      .get(FILE_PATH)
      .reply(200, '%PDF-1.4 body', { 'Content-Type': 'application/pdf' });
    const upload = coreStash();
    try {
      const url = await appTester(App.hydrators.attachmentFile, bundleWith({ url: FILE_URL }));
      expect(url).toBe(upload.url);
      expect(storedAs(upload.form)).toEqual({
        name: 'attachment; filename="invoice.pdf"',
        type: 'application/pdf',
      });
      expect(upload.form).toContain('%PDF-1.4 body');
    } finally {
      endCoreStash();
    }
    scope.done();
  });

  it('a file Zapier cannot store says so, not that the host failed', async () => {
    const scope = nock(CDN).get(FILE_PATH).reply(200, '%PDF-1.4');
    // No deploy key: core's RPC for the upload fails, as an outage of Zapier's storage would.
    const error = await appTester(App.hydrators.attachmentFile, bundleWith({ url: FILE_URL })).then(
      () => undefined,
      (thrown: Error) => thrown,
    );
    expect(JSON.parse(String(error?.message))).toEqual({
      message:
        'Try again in a few minutes, or open the attachment in Callbell: it could not be downloaded, Zapier could not store the file.',
      code: 'AttachmentNotDownloaded',
    });
    scope.done();
  });

  it("a file on Callbell's file path is fetched with the key (callbellApi checks it)", async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/uploads/conversation_attachment/7/photo.png`)
      .reply(200, 'png');
    const { stashed } = await hydrate(CALLBELL_FILE);
    expect(stashed).toEqual([{ bytes: 3, filename: 'photo.png', contentType: undefined }]);
    scope.done();
  });

  it.each(INTERNAL_LINKS)('refuses %s (%s) before any request', async (_case, url) => {
    const { code, message } = await refusal(url);
    expect(code).toBe('AttachmentRefused');
    expect(message).toMatch(
      /^Map a message attachment from a Callbell trigger: .*private, local or cloud-internal/,
    );
  });

  it.each(REFUSED_LINKS)('refuses %s (%j) before any request', async (_case, url) => {
    const { code, message } = await refusal(url);
    expect(code).toBe('AttachmentRefused');
    expect(message).toMatch(/^Map a message attachment from a Callbell trigger: this file link /);
  });

  it.each(INTERNAL_LINKS)('refuses a redirect to %s (%s)', async (_case, target) => {
    const scope = nock(CDN).get('/a.pdf').reply(302, '', { Location: target });
    const { code } = await refusal(`${CDN}/a.pdf`);
    expect(code).toBe('AttachmentRefused');
    scope.done();
  });

  it.each([
    ['plain http', 'http://files.example-cdn.com/b.pdf'],
    ["Callbell's contact list", `${API_URL}${API_PATH}/contacts?page=1`],
    ["Callbell's own file path (the key never follows a redirect)", CALLBELL_FILE],
    ['user info', 'https://a:b@other-cdn.example.net/b.pdf'],
  ])('refuses a redirect to %s', async (_case, target) => {
    const scope = nock(CDN).get('/a.pdf').reply(301, '', { Location: target });
    const { code } = await refusal(`${CDN}/a.pdf`);
    expect(code).toBe('AttachmentRefused');
    scope.done();
  });

  it("follows a checked redirect from Callbell's file path to storage without the key", async () => {
    const callbell = callbellApi()
      .get(`${API_PATH}/uploads/conversation_attachment/7/photo.png`)
      .reply(302, '', { Location: 'https://other-cdn.example.net/signed/photo.png?sig=1' });
    const storage = nock('https://other-cdn.example.net', { badheaders: ['authorization'] })
      .get('/signed/photo.png')
      .query({ sig: '1' })
      .reply(200, 'png', { 'Content-Type': 'image/png' });
    const { stashed } = await hydrate(CALLBELL_FILE);
    expect(stashed).toEqual([{ bytes: 3, filename: 'photo.png', contentType: 'image/png' }]);
    callbell.done();
    storage.done();
  });

  it('follows a redirect to a Callbell subdomain without the key', async () => {
    const callbell = callbellApi()
      .get(`${API_PATH}/uploads/conversation_attachment/7/photo.png`)
      .reply(302, '', { Location: 'https://cdn.api.callbell.eu/v1/uploads/photo.png' });
    const cdn = nock('https://cdn.api.callbell.eu', { badheaders: ['authorization'] })
      .get('/v1/uploads/photo.png')
      .reply(200, 'png');
    const { stashed } = await hydrate(CALLBELL_FILE);
    expect(stashed).toHaveLength(1);
    callbell.done();
    cdn.done();
  });

  it('follows a relative redirect on the same host', async () => {
    const scope = nock(CDN)
      .get('/a.pdf')
      .reply(307, '', { Location: '/b.pdf' })
      .get('/b.pdf')
      .reply(200, 'b');
    const { stashed } = await hydrate(`${CDN}/a.pdf`);
    expect(stashed[0]?.filename).toBe('b.pdf');
    scope.done();
  });

  it(`stops after ${MAX_REDIRECTS} redirects`, async () => {
    const scope = nock(CDN);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
      scope.get(`/${hop}`).reply(302, '', { Location: `/${hop + 1}` });
    }
    const { code, message } = await refusal(`${CDN}/0`);
    expect(code).toBe('AttachmentNotDownloaded');
    expect(message).toMatch(
      /^Try again in a few minutes, or open the attachment in Callbell: .*redirected more than 5 times/,
    );
    scope.done();
  });

  it(`refuses a file announced above ${MAX_FILE_MB} MB without reading it`, async () => {
    const scope = nock(CDN)
      .get('/big.zip')
      .reply(200, 'x', { 'Content-Length': String(MAX_FILE_MB * 1024 * 1024 + 1) });
    const { code, message } = await refusal(`${CDN}/big.zip`);
    expect(code).toBe('AttachmentTooLarge');
    expect(message).toMatch(
      /^Download this attachment from Callbell by hand: it is larger than 100 MB/,
    );
    scope.done();
  });

  it(`stops reading a body that passes ${MAX_FILE_MB} MB unannounced`, async () => {
    const chunk = Buffer.alloc(1024 * 1024, 1);
    let sent = 0;
    const oversized = new Readable({
      read() {
        sent += 1;
        this.push(sent > MAX_FILE_MB + 1 ? null : chunk);
      },
    });
    const scope = nock(CDN)
      .get('/stream.bin')
      .reply(200, () => oversized);
    const { code } = await refusal(`${CDN}/stream.bin`);
    expect(code).toBe('AttachmentTooLarge');
    scope.done();
  });

  it('ends a body that trickles past the time limit', async () => {
    useFakeClock();
    try {
      const trickle = new PassThrough();
      trickle.write('a');
      const scope = nock(CDN)
        .get('/slow.pdf')
        .reply(200, () => trickle);
      const outcome = failure(`${CDN}/slow.pdf`);
      await elapse(26_000);
      const error = await outcome;
      expect(errorCode(error)).toBe('AttachmentTimedOut');
      expect(error.message).toContain(
        'Try again in a few minutes: the file host did not deliver the attachment within 25 seconds.',
      );
      scope.done();
    } finally {
      jest.useRealTimers();
    }
  });

  it('ends a DNS look-up that never answers at the time limit', async () => {
    useFakeClock();
    try {
      const outcome = failure(`https://${HANGING_NAME}/a.pdf`);
      await elapse(26_000);
      expect(errorCode(await outcome)).toBe('AttachmentTimedOut');
    } finally {
      jest.useRealTimers();
    }
  });

  it.each([
    [
      404,
      'Check that the message and its attachment still exist in Callbell: the file host answered HTTP 404',
    ],
    [
      410,
      'Check that the message and its attachment still exist in Callbell: the file host answered HTTP 410',
    ],
    [
      403,
      'Check that the attachment opens in Callbell: the file host refused the download (HTTP 403)',
    ],
    [
      400,
      'Check that the attachment opens in Callbell: the file host refused the download (HTTP 400)',
    ],
    [429, 'Try again in a few minutes: the file host is unavailable (HTTP 429).'],
    [503, 'Try again in a few minutes: the file host is unavailable (HTTP 503).'],
  ])('a file host answering %i says what to do', async (status, words) => {
    const scope = nock(CDN).get('/a.pdf').reply(status, { error: 'raw JSON blob', key: API_KEY });
    const { code, message } = await refusal(`${CDN}/a.pdf`);
    expect(code).toBe('AttachmentNotDownloaded');
    expect(message).toContain(words);
    expect(message).not.toContain('raw JSON blob');
    scope.done();
  });

  it('a 401 from Callbell asks to reconnect, without the key it echoes', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/uploads/conversation_attachment/7/photo.png`)
      .reply(401, { error: `invalid key ${API_KEY.toUpperCase()}` });
    const error = await failure(CALLBELL_FILE);
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(/^Reconnect your Callbell account in Zapier/);
    expect(error.message.toLowerCase()).not.toContain(API_KEY.toLowerCase());
    scope.done();
  });

  it.each([
    ['a reset connection', 'ECONNRESET'],
    ['a refused connection', 'ECONNREFUSED'],
  ])('%s says what to do', async (_case, code) => {
    const scope = nock(CDN)
      .get('/a.pdf')
      .replyWithError(Object.assign(new Error(`connect ${code} ${FILE_URL}`), { code }));
    const { code: errorCodeValue, message } = await refusal(`${CDN}/a.pdf`);
    expect(errorCodeValue).toBe('AttachmentNotDownloaded');
    expect(message).toBe(
      `Try again in a few minutes, or open the attachment in Callbell: it could not be downloaded, the file host could not be reached (${code}).`,
    );
    scope.done();
  });

  it('a host DNS does not know says so', async () => {
    const { code, message } = await refusal('https://gone.example.org/a.pdf');
    expect(code).toBe('AttachmentNotDownloaded');
    expect(message).toContain('its host was not found (ENOTFOUND)');
  });
});
