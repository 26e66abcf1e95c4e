import type { Bundle, Create, ZObject } from 'zapier-platform-core';
import { appTester, bundleWith } from './app';

type Perform<T> = (z: ZObject, bundle: Bundle) => Promise<T>;

/** Runs an action's or search's perform as Zapier does, with this step input. */
export function run<T>(
  perform: Perform<T>,
  inputData: Record<string, unknown>,
  meta: Partial<Bundle['meta']> = {},
): Promise<T> {
  return appTester(perform, bundleWith(inputData, { meta } as Partial<Bundle>));
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

/** The perform of an action declared inline (typed loosely: each action returns its own shape). */
export function performOf(create: Create): Perform<Record<string, unknown>> {
  return create.operation.perform as Perform<Record<string, unknown>>;
}
