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
 * The text an input error shows, from the error or from a function that must throw it: a
 * z.errors type (no core appendix), at most the 250 characters Zapier displays
 * (https://docs.zapier.com/platform/manage/error-handling).
 */
export function inputErrorText(refused: unknown): string {
  const error = typeof refused === 'function' ? thrownBy(() => refused()) : refused;
  expect(error).toBeInstanceOf(InputError);
  const { text, message } = error as InputError;
  expect(JSON.parse(message)).toEqual({ message: text, code: INPUT_ERROR_CODE, status: 400 });
  expect(text.length).toBeLessThanOrEqual(250);
  return text;
}

function thrownBy(normalise: () => unknown): unknown {
  try {
    normalise();
  } catch (error) {
    return error;
  }
  throw new Error('expected the input to be refused');
}

/** An example's input without the contact it names (by ID or phone), for a test to name one. */
export function withoutContact(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(input).filter(([key]) => key !== 'contact_uuid' && key !== 'phone'),
  );
}
