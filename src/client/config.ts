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

/**
 * Zapier's hook service: every REST-hook Zap's URL is on this origin ("https://hooks.zapier.com/…"
 * in Zapier's bundle docs, docs/_build/advanced-features/bundle.md). `ZAPIER_HOOK_ORIGIN` adds
 * one more origin for local testing only (the sandbox's stand-in), as CALLBELL_API_URL does.
 */
const ZAPIER_HOOK_ORIGIN = 'https://hooks.zapier.com';

/** Whether a URL is a Zap's hook URL, the only place a delivery may be forwarded to. */
export function isZapierHookUrl(url: string | undefined): boolean {
  if (!url) return false;
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return false;
  }
  const testOrigin = process.env.ZAPIER_HOOK_ORIGIN?.replace(/\/+$/, '');
  return origin === ZAPIER_HOOK_ORIGIN || (!!testOrigin && origin === testOrigin);
}
