import type { Bundle, ZObject } from 'zapier-platform-core';
import type { HookOutput } from '../webhooks/events';
import type { HookTrigger } from '../webhooks/hook-trigger';
import { optionalText, stringList } from '../values';
import { downloadFailure, refusedLinkError } from './download-errors';
import { DOWNLOAD_TIME_MS, openDownload } from './download';

/**
 * Downloads one attachment of a received message when a later step uses it (Zapier calls
 * hydrators lazily), and hands Zapier the file. The link comes from a webhook body, which
 * anyone holding a Zap's hook URL can post, so the download is checked at every redirect
 * (src/hydrators/download.ts), bounded in size and time, and its errors say what to do.
 */
export async function attachmentFile(z: ZObject, bundle: Bundle<{ url?: string }>) {
  const url = optionalText(bundle.inputData.url);
  if (!url) throw refusedLinkError(z, 'is empty');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), DOWNLOAD_TIME_MS);
  try {
    const { body, filename, contentType } = await openDownload(z, bundle, url, controller.signal);
    return await z.stashFile(body, undefined, filename, contentType);
  } catch (error) {
    throw downloadFailure(z, error, DOWNLOAD_TIME_MS / 1000);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A message's attachments as files a Zap can save to Drive or Dropbox: one dehydrated file per
 * URL in `attachments`, downloaded only if a step maps it.
 */
function withAttachmentFiles(z: ZObject, output: HookOutput): HookOutput {
  if (output.event !== 'message_created') return output;
  const files = stringList(output.attachments).map((url) =>
    z.dehydrateFile(attachmentFile, { url }),
  );
  return { ...output, attachment_files: files };
}

/** A trigger whose outputs (live and in the Zap editor's test) offer attachments as files. */
export function offeringAttachmentFiles(trigger: HookTrigger): HookTrigger {
  const { perform, performList } = trigger.operation;
  return {
    ...trigger,
    operation: {
      ...trigger.operation,
      perform: async (z: ZObject, bundle: Bundle) =>
        (await perform(z, bundle)).map((output) => withAttachmentFiles(z, output)),
      performList: async (z: ZObject, bundle: Bundle) =>
        (await performList(z, bundle)).map((output) => withAttachmentFiles(z, output)),
    },
  };
}
