/**
 * Callbell's public API. `CALLBELL_API_URL` points the app at a local sandbox for testing.
 *
 * Both overrides here are read from `process.env`, which `zapier env:set` can fill on a live
 * version. So an override is taken only when it names this machine (a loopback address, where
 * the sandbox runs) or the service's own origin: on Zapier's servers a loopback address
 * reaches nothing, so no setting can send the key, or a forwarded message, anywhere else.
 */
const DEFAULT_API_URL = 'https://api.callbell.eu/v1';
const CALLBELL_API_ORIGIN = 'https://api.callbell.eu';

export function apiBaseUrl(): string {
  const override = process.env.CALLBELL_API_URL?.replace(/\/+$/, '');
  return override && isAllowedOverride(override, CALLBELL_API_ORIGIN) ? override : DEFAULT_API_URL;
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
 * Where Callbell serves a message's files: "https://…/uploads/conversation_attachment/…/file.png"
 * (webhooks/message_events/message_created.md). The docs name no other file path, so a link on
 * Callbell's API elsewhere (`/v1/contacts`) is no attachment, and never fetched with the key.
 */
const CALLBELL_FILE_PATH = '/uploads/conversation_attachment/';

/** Whether a (normalised) URL is a file on Callbell's API, the only download sent with the key. */
export function isCallbellFileUrl(url: string): boolean {
  if (!isCallbellUrl(url)) return false;
  const path = url.slice(apiBaseUrl().length);
  // An encoded "/" or "\" could be decoded into another path by the server.
  return path.startsWith(CALLBELL_FILE_PATH) && !/%2f|%5c/i.test(path);
}

/**
 * Zapier's hook service: every REST-hook Zap's URL is on this origin ("https://hooks.zapier.com/…"
 * in Zapier's bundle docs, docs/_build/advanced-features/bundle.md). `ZAPIER_HOOK_ORIGIN` adds
 * one more origin for local testing only (the sandbox's stand-in), on this machine alone.
 */
const ZAPIER_HOOK_ORIGIN = 'https://hooks.zapier.com';

/** Whether a URL is a Zap's hook URL, the only place a delivery may be forwarded to. */
export function isZapierHookUrl(url: string | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // User info would be sent as a Basic Authorization header: no Zap's URL has any.
  if (parsed.username || parsed.password) return false;
  const testOrigin = process.env.ZAPIER_HOOK_ORIGIN?.replace(/\/+$/, '');
  return (
    parsed.origin === ZAPIER_HOOK_ORIGIN ||
    (!!testOrigin &&
      isAllowedOverride(testOrigin, ZAPIER_HOOK_ORIGIN) &&
      parsed.origin === testOrigin)
  );
}

/** Hosts that are this machine: where a local sandbox listens, and nothing on Zapier's side. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An override is the service's own origin, or http(s) on this machine; nothing else. */
function isAllowedOverride(value: string, ownOrigin: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash) return false;
  if (url.origin === ownOrigin) return true;
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname)
  );
}
