import type { Bundle, ZObject } from 'zapier-platform-core';
import { callbell, type CallbellRequest, type Subject } from '../../src/client/request';
import { appTester, bundleWith } from './app';

/** Requests in the HTTP layer's tests: `about` is optional there. */
export type Request = Omit<CallbellRequest, 'about'> & { about?: Subject };

export const MANAGE_CONTACTS: Subject = { action: 'manage contacts', thing: 'contact' };

/** One `callbell` request run by the app tester, about contacts unless it says otherwise. */
export function run(request: Request) {
  return appTester(
    (z: ZObject) => callbell(z, { about: MANAGE_CONTACTS, ...request }),
    bundleWith(),
  );
}

/** The error a request (or a whole perform) throws, read back; the test fails if none is. */
export async function failure(
  request: Request | ((z: ZObject, bundle: Bundle) => Promise<unknown>),
  inputData: Record<string, unknown> = {},
) {
  const call =
    typeof request === 'function' ? appTester(request, bundleWith(inputData)) : run(request);
  const error = await call.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (thrown: Error) => thrown,
  );
  return { name: error.name, ...failureDetails(error) };
}

export interface FailureDetails {
  message?: string;
  code?: string;
  status?: number;
  delay?: number;
}

/** Core serialises z.errors.Error as JSON {message, code, status}; read it back. */
export function failureDetails(error: Error): FailureDetails {
  try {
    return JSON.parse(error.message) as FailureDetails;
  } catch {
    return { message: error.message };
  }
}
