import nock from 'nock';
import type { Bundle } from 'zapier-platform-core';
import { InputError } from '../../src/input-error';
import { MAX_MESSAGE_LENGTH } from '../../src/user-message';
import { API_KEY, API_URL, appTester, bundleWith } from '../helpers/app';
import type { Perform } from '../../src/operations';

export type { Perform };

/** The key as an answer might echo it: as sent, in other cases, percent-encoded, cut short. */
export const KEY_VARIANTS: Record<string, string> = {
  'as sent': API_KEY,
  'upper case': API_KEY.toUpperCase(),
  'lower case': API_KEY.toLowerCase(),
  'percent-encoded': percentEncoded(API_KEY),
  'percent-encoded twice': percentEncoded(API_KEY).replace(/%/g, '%25'),
  'half of it': API_KEY.slice(0, Math.ceil(API_KEY.length / 2) + 1),
  'its second half': API_KEY.slice(Math.floor(API_KEY.length / 2) - 1),
};

export function percentEncoded(text: string): string {
  return [...text].map((char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`).join('');
}

/** Pieces of this length or more of the key count as the key. */
const PIECE = 12;

/**
 * Whether a text holds the key in any form: decoded (twice), unescaped, in any case, or any
 * 12-character piece of it.
 */
export function holdsKey(text: string): boolean {
  let plain = text;
  for (let round = 0; round < 3; round += 1) {
    plain = plain
      .replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  const lower = plain.toLowerCase();
  const key = API_KEY.toLowerCase();
  for (let at = 0; at + PIECE <= key.length; at += 1) {
    if (lower.includes(key.slice(at, at + PIECE))) return true;
  }
  return false;
}

/** What a Zap author reads from an error: core keeps z.errors messages JSON-encoded. */
export function userMessage(error: unknown): string {
  if (error instanceof InputError) return error.text;
  const message = error instanceof Error ? error.message : String(error);
  try {
    const parsed = JSON.parse(message) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message : message;
  } catch {
    return message;
  }
}

/** The error names Zapier shows as they are: z.errors.Error, ThrottledError, ExpiredAuthError. */
const ZAPIER_ERRORS = ['AppError', 'ThrottledError', 'ExpiredAuthError'];

/**
 * Asserts what every error a Zap author sees must be: a z.errors type, at most 250 characters,
 * free of core's "What happened" appendix; answers its text.
 */
export function expectUserFacing(error: unknown): string {
  expect(error).toBeInstanceOf(Error);
  const { name } = error as Error;
  expect(ZAPIER_ERRORS).toContain(name);
  const text = userMessage(error);
  expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
  expect(text).not.toMatch(/What happened|TypeError|RangeError|URIError/);
  return text;
}

/** Runs a perform; its result, or the error it threw. */
export async function outcomeOf(
  perform: Perform,
  inputData: Record<string, unknown>,
  extra: Partial<Bundle> = {},
): Promise<{ result?: unknown; error?: unknown }> {
  // A new account each time (the tester's z.cache emptied): no Zap registry, no cached channel.
  return appTester(perform, bundleWith(inputData, extra), true).then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  );
}

export interface SeenRequest {
  method: string;
  host: string;
  path: string;
  authorization: string | undefined;
  body: string;
}

type Reply = (
  method: string,
  path: string,
  body: string,
) => [number, unknown, Record<string, string>?];

/**
 * Answers every request to Callbell's API with `reply` and records what each carried. Requests
 * to any other host are recorded too (they match nothing and are refused). It replaces the
 * fake set up before it, so a property can set up one per run.
 */
export function fakeCallbell(reply: Reply): SeenRequest[] {
  nock.cleanAll();
  while (cleanups.length) cleanups.pop()?.();
  const seen: SeenRequest[] = [];
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    nock(API_URL)
      .persist()
      .intercept(/.*/, method)
      .optionally()
      .reply(function (path, body) {
        const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
        const header = this.req.headers.authorization;
        seen.push({
          method,
          host: new URL(API_URL).host,
          path,
          authorization: Array.isArray(header) ? header.join(',') : header,
          body: text,
        });
        return reply(method, path, text);
      });
  }
  nock.emitter.on('no match', recordStray);
  function recordStray(request: {
    method?: string;
    host?: string;
    hostname?: string;
    path?: string;
    headers?: Record<string, unknown>;
  }) {
    const header = request.headers?.authorization;
    seen.push({
      method: request.method ?? '?',
      host: request.hostname ?? request.host ?? '?',
      path: request.path ?? '?',
      authorization: typeof header === 'string' ? header : undefined,
      body: '',
    });
  }
  afterThisTest(() => nock.emitter.removeListener('no match', recordStray));
  return seen;
}

const cleanups: (() => void)[] = [];

function afterThisTest(cleanup: () => void) {
  cleanups.push(cleanup);
}

afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** Everything printed while `work` runs, with core's HTTP logging fully on. */
export async function capturePrinted<T>(
  work: () => Promise<T>,
): Promise<{ printed: string; value: T }> {
  const printed: string[] = [];
  const original = {
    log: console.log,
    error: console.error,
    write: process.stdout.write.bind(process.stdout),
  };
  process.env.LOG_TO_STDOUT = 'true';
  process.env.DETAILED_LOG_TO_STDOUT = 'true';
  console.log = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
  console.error = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
  process.stdout.write = ((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    const value = await work();
    return { printed: printed.join('\n'), value };
  } finally {
    console.log = original.log;
    console.error = original.error;
    process.stdout.write = original.write;
    delete process.env.LOG_TO_STDOUT;
    delete process.env.DETAILED_LOG_TO_STDOUT;
  }
}
