/** Callbell's public API. `CALLBELL_API_URL` points the app at a local sandbox for testing only. */
const DEFAULT_API_URL = 'https://api.callbell.eu/v1';

/** Zapier stops a step after 30 s; giving up at 25 s leaves time to explain why. */
export const REQUEST_TIMEOUT_MS = 25_000;

function apiBaseUrl(): string {
  return (process.env.CALLBELL_API_URL || DEFAULT_API_URL).replace(/\/+$/, '');
}

export function apiUrl(path: string): string {
  return `${apiBaseUrl()}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The API path of a request URL (`/contacts/abc`), whatever base URL is in use. */
export function apiPath(url: string): string {
  const base = apiBaseUrl();
  const withoutQuery = url.split('?')[0] ?? url;
  if (withoutQuery.startsWith(base)) return withoutQuery.slice(base.length) || '/';
  try {
    return new URL(withoutQuery).pathname.replace(/^\/v1(?=\/)/, '');
  } catch {
    return withoutQuery;
  }
}
