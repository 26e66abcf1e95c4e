import type { Bundle, Create, ZObject } from 'zapier-platform-core';
import { InputError } from '../../src/input-error';
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
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).text;
}

/** The perform of an action declared inline (typed loosely: each action returns its own shape). */
export function performOf(create: Create): Perform<Record<string, unknown>> {
  return create.operation.perform as Perform<Record<string, unknown>>;
}

/** The text of the InputError a normaliser throws (anything else fails the test). */
export function inputErrorText(normalise: () => unknown): string {
  try {
    normalise();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).text;
  }
  throw new Error('expected the input to be refused');
}
