/** Callbell's public API. `CALLBELL_API_URL` points the app at a local sandbox for testing only. */
const DEFAULT_API_URL = 'https://api.callbell.eu/v1';

export function apiBaseUrl(): string {
  return (process.env.CALLBELL_API_URL || DEFAULT_API_URL).replace(/\/+$/, '');
}

export function apiUrl(path: string): string {
  return `${apiBaseUrl()}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Whether a request goes to Callbell's API, the only host that may receive the API key. */
export function isCallbellUrl(url: string | undefined): boolean {
  if (!url) return false;
  const base = apiBaseUrl();
  return url === base || url.startsWith(`${base}/`) || url.startsWith(`${base}?`);
}
