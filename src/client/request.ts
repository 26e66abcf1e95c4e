import type { HttpResponse, ZObject } from 'zapier-platform-core';
import { apiUrl } from './config';
import { networkError, throwForCallbellStatus, type Subject } from './errors';

export type { Subject };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue = string | number | boolean | undefined;

export interface CallbellRequest {
  method?: HttpMethod;
  /** API path below the base URL, e.g. `/contacts`; ids must already be URL-encoded. */
  path: string;
  params?: Record<string, QueryValue>;
  body?: object;
  /** What the request is about, in the words its errors use. */
  about: Subject;
}

/** One request to Callbell; answers the parsed body or throws a plain-words error. */
export async function callbell<T>(z: ZObject, request: CallbellRequest): Promise<T> {
  const response = await send<T>(z, request);
  throwForCallbellStatus(z, response, request.about);
  return response.data;
}

/**
 * Like `callbell`, but a 404 (or another of `absent`) answers `null`: for look-ups where "not
 * found" is an answer, and for routes the docs give two ways (405: no such method there).
 */
export async function callbellOrNull<T>(
  z: ZObject,
  request: CallbellRequest,
  absent: readonly number[] = [404],
): Promise<T | null> {
  const response = await send<T>(z, request);
  if (absent.includes(response.status)) return null;
  throwForCallbellStatus(z, response, request.about);
  return response.data;
}

async function send<T>(
  z: ZObject,
  { method = 'GET', path, params, body, about }: CallbellRequest,
): Promise<HttpResponse<T>> {
  try {
    return await z.request<T>({
      method,
      url: apiUrl(path),
      params: definedOnly(params),
      body,
      skipThrowForStatus: true,
    });
  } catch (error) {
    throw isNetworkFailure(error) ? networkError(z, method, about, error) : error;
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
function isNetworkFailure(error: unknown): error is NetworkFailure & Error {
  if (!(error instanceof Error)) return false;
  return error.name === 'FetchError' || error.name === 'AbortError';
}
