import type { BeforeRequestMiddleware } from 'zapier-platform-core';
import { isCallbellUrl } from './config';
import { STEP_BUDGET_MS } from './step';

/**
 * Requests to Callbell's API carry the key as a Bearer token and ask for JSON; no other host
 * ever receives the key (webhook forwards and file downloads go elsewhere). Core already
 * encodes object bodies as JSON with their Content-Type, so that header is left to it.
 * `callbell()` gives each request what is left of its step's time; the default is the
 * whole budget, for a request made any other way.
 */
export const addCallbellHeaders: BeforeRequestMiddleware = (request, _z, bundle) => {
  if (!isCallbellUrl(request.url)) return request;
  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
  const apiKey = bundle.authData?.api_key?.trim();
  if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
  return { ...request, headers, timeout: request.timeout ?? STEP_BUDGET_MS };
};
