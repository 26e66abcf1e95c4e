import type { Bundle } from 'zapier-platform-core';
import channels from '../fixtures/channels.json';
import { API_PATH, appTester, bundleWith, callbellApi } from './app';
import type { Perform } from '../../src/operations';

export const MAIN_CHANNEL = channels.main_whatsapp.uuid;

const FIELDS = 'contact,conversation';

/** The one POST /messages/send Callbell must receive, `fields` in the body and the query. */
export function expectSend(
  body: object,
  answer: object = { message: { uuid: 'm1', status: 'enqueued' } },
) {
  return callbellApi()
    .post(`${API_PATH}/messages/send`, { ...body, fields: FIELDS })
    .query({ fields: FIELDS })
    .reply(200, answer);
}

/** GET /channels for the main active channel of a type (docs: get_channels.md). */
export function expectChannels(type: string, list: object[], pages = 1, page = 1) {
  return callbellApi()
    .get(`${API_PATH}/channels`)
    .query({ type, active: 'true', page: String(page) })
    .reply(200, { channels: list, meta: { page, pages } });
}

/** Runs a send with Zapier's cache as it is (`warm`) or emptied first (a new account). */
export function runSend<T>(
  perform: Perform<T>,
  inputData: Record<string, unknown>,
  { warm = false, meta = {} }: { warm?: boolean; meta?: Partial<Bundle['meta']> } = {},
): Promise<T> {
  return appTester(perform, bundleWith(inputData, { meta } as Partial<Bundle>), !warm);
}

/** What the app tester's in-memory z.cache holds (core keeps one per tester). */
export function cachedEntries(): Record<string, unknown> {
  const store: unknown = Reflect.get(appTester, 'zcacheTestObj');
  return typeof store === 'object' && store !== null ? { ...store } : {};
}
