import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ZObject } from 'zapier-platform-core';
import { testAuth } from '../src/authentication';
import { callbell } from '../src/client/request';
import { performSendMessage } from '../src/creates/send_message';
import { performUpdateContact } from '../src/creates/update_contact';
import authMe from './fixtures/auth-me.json';
import { API_KEY, API_PATH, appTester, bundleWith, callbellApi } from './helpers/app';

/** Everything printed while `work` runs, with core's HTTP logging switched fully on. */
async function captureOutput(
  work: () => Promise<unknown>,
): Promise<{ printed: string; outcome: string }> {
  const printed: string[] = [];
  const original = { log: console.log, write: process.stdout.write.bind(process.stdout) };
  process.env.LOG_TO_STDOUT = 'true';
  process.env.DETAILED_LOG_TO_STDOUT = 'true';
  console.log = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
  process.stdout.write = ((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    const outcome = await work().then(
      (result) => JSON.stringify(result),
      (error: Error) => `${error.name}: ${error.message}\n${error.stack ?? ''}`,
    );
    return { printed: printed.join('\n'), outcome };
  } finally {
    console.log = original.log;
    process.stdout.write = original.write;
    delete process.env.LOG_TO_STDOUT;
    delete process.env.DETAILED_LOG_TO_STDOUT;
  }
}

const CONTACT = 'c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1';

describe('the API key', () => {
  it('is sent to Callbell but never printed or returned by a connection test', async () => {
    callbellApi()
      .get(`${API_PATH}/auth/me`)
      .reply(200, { ...authMe, api_key: API_KEY });
    const { printed, outcome } = await captureOutput(() => appTester(testAuth, bundleWith()));
    expect(printed).toContain('/v1/auth/me');
    expect(printed).not.toContain(API_KEY);
    expect(outcome).toContain('Maria Rossi');
    expect(outcome).not.toContain(API_KEY);
  });

  it.each([
    [401, { error: `invalid key ${API_KEY}` }],
    [422, { errors: { api_key: [`${API_KEY} is not valid`] } }],
    [500, `server error for ${API_KEY}`],
  ])('never appears in the error or logs of a %i', async (status, body) => {
    callbellApi().post(`${API_PATH}/contacts`).reply(status, body);
    const { printed, outcome } = await captureOutput(() =>
      appTester(
        (z: ZObject) =>
          callbell(z, {
            method: 'POST',
            path: '/contacts',
            body: {},
            about: { action: 'manage contacts', thing: 'contact' },
          }),
        bundleWith(),
      ),
    );
    expect(outcome).toMatch(/Error/);
    expect(outcome).not.toContain(API_KEY);
    expect(printed).not.toContain(API_KEY);
  });

  it('never appears in the logs or results of actions and searches', async () => {
    callbellApi()
      .get(`${API_PATH}/channels`)
      .query(true)
      .reply(200, { channels: [{ uuid: 'ch-1', type: 'whatsapp', main: true }] })
      .post(`${API_PATH}/messages/send`)
      .query(true)
      .reply(200, {
        message: { uuid: 'm1', status: 'enqueued', contact: { ...authMe, uuid: CONTACT } },
      })
      .get(`${API_PATH}/contacts/phone/31612345678`)
      .reply(200, { contact: { uuid: CONTACT, name: 'Ana', note: 'ok' } })
      .patch(`${API_PATH}/contacts/${CONTACT}`)
      .reply(200, { contact: [{ uuid: CONTACT, name: 'Ana B' }] });
    const { printed, outcome } = await captureOutput(async () => [
      // No channel chosen: the main channel is looked up and cached under a digest of the key.
      await appTester(performSendMessage, bundleWith({ to: '+31612345678', text: 'Hi' })),
      await appTester(performUpdateContact, bundleWith({ phone: '+31612345678', name: 'Ana B' })),
    ]);
    expect(printed).toContain('/v1/messages/send');
    expect(printed).toContain(`/v1/contacts/${CONTACT}`);
    expect(printed).not.toContain(API_KEY);
    expect(outcome).toContain('Ana B');
    expect(outcome).not.toContain(API_KEY);
  });

  it('is in no fixture', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : [path];
      });
    for (const file of files(join(__dirname, 'fixtures'))) {
      const text = readFileSync(file, 'utf8');
      expect({ file, leaks: text.includes(API_KEY) || /"api_key"\s*:/.test(text) }).toEqual({
        file,
        leaks: false,
      });
    }
  });
});
