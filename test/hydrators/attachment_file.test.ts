import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { attachmentFile } from '../../src/hydrators/attachment_file';
import { messageCreated } from '../../src/triggers/message_created';
import { newEvent } from '../../src/triggers/new_event';
import { API_PATH, API_URL, appTester, bundleWith, callbellApi } from '../helpers/app';
import { deliver, documentedDelivery } from '../helpers/hook-trigger';

const FILE_URL = 'https://files.example-cdn.com/uploads/conversation_attachment/1/invoice.pdf';

const withAttachment = {
  event: 'message_created',
  payload: { ...documentedDelivery('message_created').payload, attachments: [FILE_URL] },
};

/** The hydrator as Zapier runs it, with z.stashFile recording what it was given. */
async function hydrate(url: string) {
  const stashed: unknown[] = [];
  const result = await appTester(async (z: ZObject, bundle: Bundle) => {
    z.stashFile = ((input: unknown) => {
      stashed.push(input);
      return 'https://zapier-stash.example/file';
    }) as ZObject['stashFile'];
    return attachmentFile(z, bundle);
  }, bundleWith({ url }));
  const responses = await Promise.all(stashed);
  return { result, responses };
}

describe('attachment files', () => {
  it.each([
    ['message_created', messageCreated, {}],
    ['new_event', newEvent, { events: ['message_created'] }],
  ])('%s offers each attachment as a file, fetched only when used', async (_, trigger, input) => {
    const [output] = await deliver(trigger, withAttachment, input);
    expect(output?.attachments).toEqual([FILE_URL]);
    expect(output?.attachment_files).toEqual([
      expect.stringMatching(/^hydrate\|\|\|.*"hydrators\.attachmentFile".*\|\|\|hydrate$/),
    ]);
    expect(String((output?.attachment_files as string[])[0])).toContain(FILE_URL);
  });

  it('a message without attachments offers no file', async () => {
    const [output] = await deliver(messageCreated, documentedDelivery('message_created'));
    expect(output?.attachment_files).toEqual([]);
  });

  it('downloads from the file host without the Callbell key, and stashes the file', async () => {
    const scope = nock('https://files.example-cdn.com', { badheaders: ['authorization'] })
      .get('/uploads/conversation_attachment/1/invoice.pdf')
      .reply(200, '%PDF-1.4', { 'Content-Type': 'application/pdf' });
    const { result, responses } = await hydrate(FILE_URL);
    expect(result).toBe('https://zapier-stash.example/file');
    expect(responses).toHaveLength(1);
    scope.done();
  });

  it('a file on Callbell itself is fetched with the key (callbellApi checks it)', async () => {
    const scope = callbellApi().get(`${API_PATH}/files/1`).reply(200, 'data');
    await hydrate(`${API_URL}${API_PATH}/files/1`);
    scope.done();
  });

  it.each(['http://files.example-cdn.com/a.pdf', 'not a url', ''])(
    'refuses %j before any request',
    async (url) => {
      await expect(hydrate(url)).rejects.toMatchObject({ name: 'AppError' });
    },
  );
});
