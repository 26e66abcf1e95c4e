import type { ZObject } from 'zapier-platform-core';
import type { Subject } from '../client/errors';
import { isObject } from '../values';

/** What a download is, in the words of the app's request errors (401 → reconnect advice). */
export const DOWNLOAD_ABOUT: Subject = {
  action: 'download this message attachment',
  thing: 'attachment',
};

const MAP_AN_ATTACHMENT = 'Map a message attachment from a Callbell trigger:';

/** A link this app never downloads from; nothing was requested from where it leads. */
export function refusedLinkError(z: ZObject, why: string): Error {
  return new z.errors.Error(
    `${MAP_AN_ATTACHMENT} this file link ${why}, so it was not downloaded.`,
    'AttachmentRefused',
  );
}

/** A download that did not happen for a reason that may pass. */
export function notDownloadedError(z: ZObject, why: string): Error {
  return new z.errors.Error(
    `Try again in a few minutes, or open the attachment in Callbell: it could not be downloaded, ${why}.`,
    'AttachmentNotDownloaded',
  );
}

export function tooLargeFileError(z: ZObject, maxMb: number): Error {
  return new z.errors.Error(
    `Download this attachment from Callbell by hand: it is larger than ${maxMb} MB, the most a Zap can take as a file (Zapier's file limits).`,
    'AttachmentTooLarge',
  );
}

export function timedOutDownloadError(z: ZObject, seconds: number): Error {
  return new z.errors.Error(
    `Try again in a few minutes: the file host did not deliver the attachment within ${seconds} seconds.`,
    'AttachmentTimedOut',
  );
}

/** An answer of 400 or above from a file host other than Callbell's API. */
export function fileHostStatusError(z: ZObject, status: number): Error {
  const message =
    status === 404 || status === 410
      ? `Check that the message and its attachment still exist in Callbell: the file host answered HTTP ${status}, so the file was deleted or its link expired.`
      : status === 429 || status >= 500
        ? `Try again in a few minutes: the file host is unavailable (HTTP ${status}).`
        : `Check that the attachment opens in Callbell: the file host refused the download (HTTP ${status}); its link may have expired.`;
  return new z.errors.Error(message, 'AttachmentNotDownloaded', status);
}

/** Any failure of a download (the request, the body, the upload to Zapier) as one of the above. */
export function downloadFailure(z: ZObject, error: unknown, seconds: number): Error {
  const { name, type, code, doNotContextify } = isObject(error) ? error : {};
  if (doNotContextify === true && error instanceof Error) return error;
  if (name === 'AbortError' || type === 'request-timeout' || type === 'body-timeout') {
    return timedOutDownloadError(z, seconds);
  }
  if (code === 'EINTERNALADDRESS') {
    return refusedLinkError(z, 'leads to a private, local or cloud-internal address');
  }
  if (name === 'FetchError' || typeof code === 'string') {
    const reason = typeof code === 'string' ? code : 'connection failed';
    return notDownloadedError(z, `the file host could not be reached (${reason.slice(0, 30)})`);
  }
  return notDownloadedError(z, 'Zapier could not store the file');
}
