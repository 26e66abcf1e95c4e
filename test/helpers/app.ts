import nock from 'nock';
import { createAppTester, type Bundle, type ZObject } from 'zapier-platform-core';
import App from '../../index';

export const API_URL = 'https://api.callbell.eu';
export const API_PATH = '/v1';
/** A recognisable fake key: tests assert it never leaks into logs, errors or outputs. */
export const API_KEY = 'test_k3y-SHOULD-NEVER-LEAK-5f2c9a';

export const appTester = createAppTester(App);

/** What a test sets of a bundle besides the input: any part of it, meta fields one by one. */
export type BundleExtras = Partial<Omit<Bundle, 'meta'>> & { meta?: Partial<Bundle['meta']> };

export function bundleWith(inputData: Record<string, unknown> = {}, extra: BundleExtras = {}) {
  return { authData: { api_key: API_KEY }, inputData, ...extra };
}

/** nock scope on Callbell's API that also checks the headers every request must carry. */
export function callbellApi(): nock.Scope {
  return nock(API_URL, {
    reqheaders: {
      authorization: `Bearer ${API_KEY}`,
      accept: 'application/json',
    },
  });
}

/** The same `z`, with what the step logs collected into `lines`. */
export function loggingTo(z: ZObject, lines: string[]): ZObject {
  return { ...z, console: { ...z.console, log: (line: string) => void lines.push(line) } };
}
