import { Agent } from 'node:https';
import { pipeline, Transform } from 'node:stream';
import type { Bundle, RawHttpResponse, ZObject } from 'zapier-platform-core';
import { isCallbellFileUrl, isCallbellUrl } from '../client/config';
import { throwForCallbellStatus } from '../client/errors';
import { checkPublicHost, hostOf, publicOnlyLookup } from '../client/public-address';
import { redactor } from '../client/redact';
import { TEMPLATE } from '../client/request';
import { STEP_BUDGET_MS } from '../client/step';
import {
  DOWNLOAD_ABOUT,
  fileHostStatusError,
  notDownloadedError,
  refusedLinkError,
  tooLargeFileError,
} from './download-errors';

/**
 * Zapier's limits for files: "Downloaded files ~120 MB" (operating-constraints.md), a "hard
 * limit of 150MB on the size of dehydrated files" and "don't perform hydration for files that
 * are larger than ~100MB" (hydration-limits.md). So a download stops at 100 MB.
 */
export const MAX_FILE_MB = 100;
const MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024;

/** The whole download (every redirect and the body) ends within a step's budget. */
export const DOWNLOAD_TIME_MS = STEP_BUDGET_MS;

/** More than a file link needs (a CDN or a signed storage link takes one or two). */
export const MAX_REDIRECTS = 5;

/** Connects only to public addresses, whatever DNS answers at connection time. */
const PUBLIC_ONLY_AGENT = new Agent({ lookup: publicOnlyLookup });

export interface Download {
  /** The body, ending in an error past MAX_FILE_MB or the time limit. */
  body: NodeJS.ReadableStream;
  filename: string;
  contentType: string | undefined;
}

/**
 * Opens a download of a file link, following each redirect only after checking where it
 * leads: https only, a public address after resolution, and Callbell's API only as the first
 * address and only for a file (the key is added there by src/client/middleware.ts, so a
 * redirect never carries it). `signal` ends it, body included.
 */
export async function openDownload(
  z: ZObject,
  bundle: Bundle,
  link: string,
  signal: AbortSignal,
): Promise<Download> {
  let url = link;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    url = await checkedUrl(z, url, hop, signal);
    const response = await z.request({
      url,
      method: 'GET',
      raw: true,
      redirect: 'manual',
      skipThrowForStatus: true,
      agent: PUBLIC_ONLY_AGENT,
      timeout: DOWNLOAD_TIME_MS,
      size: MAX_FILE_BYTES,
      // Passed through to node-fetch by core (request-client.js), though not in its types.
      ...{ signal },
    });
    const location = response.getHeader('location');
    if (response.status >= 300 && response.status < 400 && location) {
      response.body.resume();
      url = new URL(location, url).href;
      continue;
    }
    await throwForStatus(z, bundle, response, url);
    return limitedDownload(z, response, url);
  }
  throw notDownloadedError(z, `it redirected more than ${MAX_REDIRECTS} times`);
}

/** The URL to request at this hop, normalised, or an error saying why it is refused. */
async function checkedUrl(
  z: ZObject,
  link: string,
  hop: number,
  signal: AbortSignal,
): Promise<string> {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw refusedLinkError(z, 'is not a web address');
  }
  if (url.protocol !== 'https:') throw refusedLinkError(z, 'is not an https:// address');
  if (url.username || url.password) throw refusedLinkError(z, 'holds a user name or password');
  if (url.port) throw refusedLinkError(z, 'names a port other than https');
  // Core refuses a URL holding template text with an 837-character error; a link's query keeps it.
  if (TEMPLATE.test(url.href))
    throw refusedLinkError(z, 'holds {{bundle.…}} or {{process.…}} text');
  if (isCallbellUrl(url.href) && (hop > 0 || !isCallbellFileUrl(url.href))) {
    throw refusedLinkError(z, "leads to Callbell's API, not to a file Callbell serves");
  }
  // DNS has no timeout of its own: the download's time limit ends the wait.
  const refusal = await untilAborted(checkPublicHost(hostOf(url)), signal);
  if (refusal?.refused === 'internal') {
    throw refusedLinkError(z, 'leads to a private, local or cloud-internal address');
  }
  if (refusal) throw notDownloadedError(z, `its host was not found (${refusal.code})`);
  return url.href;
}

async function throwForStatus(
  z: ZObject,
  bundle: Bundle,
  response: RawHttpResponse,
  url: string,
): Promise<void> {
  if (response.status < 300) return;
  if (isCallbellUrl(url)) {
    const text = await response.text();
    throwForCallbellStatus(
      z,
      {
        status: response.status,
        method: 'GET',
        text,
        retryAfter: response.getHeader('retry-after'),
        redact: redactor(bundle.authData?.api_key),
      },
      DOWNLOAD_ABOUT,
    );
  }
  response.body.resume();
  throw fileHostStatusError(z, response.status);
}

/** The body, cut off with an error once it passes MAX_FILE_MB (announced or not). */
function limitedDownload(z: ZObject, response: RawHttpResponse, url: string): Download {
  const announced = Number(response.getHeader('content-length'));
  if (announced > MAX_FILE_BYTES) {
    response.body.resume();
    throw tooLargeFileError(z, MAX_FILE_MB);
  }
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > MAX_FILE_BYTES) done(tooLargeFileError(z, MAX_FILE_MB));
      else done(null, chunk);
    },
  });
  // An error anywhere (the size, the time limit, the connection) ends the counter with it.
  pipeline(response.body, counter, () => undefined);
  return {
    body: counter,
    filename: fileNameOf(url),
    contentType: response.getHeader('content-type') ?? undefined,
  };
}

/** `work`, or an AbortError as soon as `signal` aborts. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** The file's name as the link gives it ("…/12389/file.png" → "file.png"). */
function fileNameOf(url: string): string {
  const last = new URL(url).pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last) || 'attachment';
  } catch {
    return last || 'attachment';
  }
}
