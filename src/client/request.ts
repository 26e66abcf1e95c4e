import type { HttpResponse, ZObject } from 'zapier-platform-core';
import { apiUrl, REQUEST_TIMEOUT_MS } from './config';
import { throwForCallbellStatus } from './errors';
import { describeRoute } from './routes';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue = string | number | boolean | undefined;

export interface CallbellRequest {
  method?: HttpMethod;
  /** API path below the base URL, e.g. `/contacts`; ids must already be URL-encoded. */
  path: string;
  params?: Record<string, QueryValue>;
  body?: object;
}

/** One request to Callbell; answers the parsed body or throws a plain-words error. */
export async function callbell<T>(z: ZObject, request: CallbellRequest): Promise<T> {
  const response = await send<T>(z, request, false);
  return response.data;
}

/** Like `callbell`, but a 404 answers `null`: for look-ups where "not found" is an answer. */
export async function callbellOrNull<T>(z: ZObject, request: CallbellRequest): Promise<T | null> {
  const response = await send<T>(z, request, true);
  if (response.status === 404) return null;
  throwForCallbellStatus(z, response);
  return response.data;
}

async function send<T>(
  z: ZObject,
  { method = 'GET', path, params, body }: CallbellRequest,
  skipThrowForStatus: boolean,
): Promise<HttpResponse<T>> {
  try {
    return await z.request<T>({
      method,
      url: apiUrl(path),
      params: definedOnly(params),
      body,
      skipThrowForStatus,
    });
  } catch (error) {
    throw isNetworkFailure(error) ? networkError(z, method, path, error) : error;
  }
}

function definedOnly(params: Record<string, QueryValue> | undefined): Record<string, string> {
  const defined: Record<string, string> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== '') defined[key] = String(value);
  }
  return defined;
}

interface NetworkFailure {
  name: string;
  type?: string;
  code?: string;
}

/** node-fetch's FetchError (timeouts, refused or reset connections) and aborts. */
function isNetworkFailure(error: unknown): error is NetworkFailure {
  if (!(error instanceof Error)) return false;
  return error.name === 'FetchError' || error.name === 'AbortError';
}

function networkError(
  z: ZObject,
  method: HttpMethod,
  path: string,
  failure: NetworkFailure,
): Error {
  const { action } = describeRoute(method, path);
  const what =
    failure.type === 'request-timeout'
      ? `did not answer within ${REQUEST_TIMEOUT_MS / 1000} seconds`
      : `could not be reached (${failure.code ?? failure.type ?? 'connection failed'})`;
  const advice =
    method === 'GET'
      ? 'Try again in a few minutes.'
      : 'The request was not re-sent automatically: check in Callbell whether it took effect before replaying this step.';
  return new z.errors.Error(
    `Callbell ${what} while trying to ${action}. ${advice}`,
    'CallbellUnreachable',
  );
}
