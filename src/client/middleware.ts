import type { AfterResponseMiddleware, BeforeRequestMiddleware } from 'zapier-platform-core';
import { REQUEST_TIMEOUT_MS } from './config';
import { throwForCallbellStatus } from './errors';

/**
 * Every request to Callbell carries the key as a Bearer token and asks for JSON. Core already
 * encodes object bodies as JSON with their Content-Type, so that header is left to it.
 */
export const addCallbellHeaders: BeforeRequestMiddleware = (request, _z, bundle) => {
  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
  const apiKey = bundle.authData?.api_key?.trim();
  if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
  return { ...request, headers, timeout: request.timeout ?? REQUEST_TIMEOUT_MS };
};

/**
 * Maps every Callbell failure to a plain-words error. A request that sets
 * `skipThrowForStatus` handles its own statuses (e.g. a search treating 404 as "none").
 */
export const explainCallbellErrors: AfterResponseMiddleware = (response, z) => {
  if (!response.skipThrowForStatus) throwForCallbellStatus(z, response);
  return response;
};
