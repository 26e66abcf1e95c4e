import nock from 'nock';
import { createAppTester, type Bundle } from 'zapier-platform-core';
import App from '../../index';

export const API_URL = 'https://api.callbell.eu';
export const API_PATH = '/v1';
/** A recognisable fake key: tests assert it never leaks into logs, errors or outputs. */
export const API_KEY = 'test_k3y-SHOULD-NEVER-LEAK-5f2c9a';

export const appTester = createAppTester(App);

export function bundleWith<T extends Record<string, unknown>>(
  inputData: T = {} as T,
  extra: Partial<Bundle> = {},
): Partial<Bundle<T>> {
  return { authData: { api_key: API_KEY }, inputData, ...extra } as Partial<Bundle<T>>;
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
