import type { Bundle, ZObject } from 'zapier-platform-core';
import { appTester, bundleWith } from './app';

/** Runs an action's or search's perform as Zapier does, with this step input. */
export function run<T>(
  perform: (z: ZObject, bundle: Bundle) => Promise<T>,
  inputData: Record<string, unknown>,
  meta: Partial<Bundle['meta']> = {},
): Promise<T> {
  return appTester(perform, bundleWith(inputData, { meta }));
}

/** The error a step shows, refused before any request (nock would otherwise report one). */
export async function inputErrorOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => {
      throw new Error('expected the step to be refused');
    },
    (thrown: Error) => thrown,
  );
  expect(error.name).toBe('InputError');
  return error.message;
}
