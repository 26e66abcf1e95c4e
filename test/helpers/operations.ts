import type { Bundle, ZObject } from 'zapier-platform-core';
import { INPUT_ERROR_CODE, InputError } from '../../src/input-error';
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
  return inputErrorText(error);
}

/**
 * The text an input error shows: a z.errors type (no core appendix), at most the 250 characters
 * Zapier displays (https://docs.zapier.com/platform/manage/error-handling).
 */
export function inputErrorText(error: unknown): string {
  expect(error).toBeInstanceOf(InputError);
  const { userMessage, message } = error as InputError;
  expect(JSON.parse(message)).toEqual({
    message: userMessage,
    code: INPUT_ERROR_CODE,
    status: 400,
  });
  expect(userMessage.length).toBeLessThanOrEqual(250);
  return userMessage;
}
