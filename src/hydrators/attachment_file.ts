import type { Bundle, ZObject } from 'zapier-platform-core';
import { STEP_BUDGET_MS } from '../client/step';
import type { HookOutput } from '../webhooks/events';
import type { HookTrigger } from '../webhooks/hook-trigger';
import { optionalText, stringList } from '../values';

/**
 * Zapier keeps at most 150 MB per dehydrated file ("hard limit of 150MB on the size of
 * dehydrated files", platform docs: build/troubleshooting/hydration-limits).
 */
const MAX_FILE_BYTES = 150 * 1024 * 1024;

/**
 * Downloads one attachment of a received message when a later step uses it (Zapier calls
 * hydrators lazily), and hands Zapier the file. The request goes through z.request: the
 * Callbell key is added only when the URL is on Callbell's API (src/client/middleware.ts), so
 * a file host never receives it, and node-fetch drops `Authorization` on a redirect to another
 * host.
 */
export async function attachmentFile(z: ZObject, bundle: Bundle<{ url?: string }>) {
  const url = optionalText(bundle.inputData.url);
  if (!url?.startsWith('https://')) {
    throw new z.errors.Error(
      'Map a message attachment from a Callbell trigger: this file link is not an https:// URL.',
      'InvalidAttachment',
    );
  }
  const response = z.request({
    url,
    raw: true,
    timeout: STEP_BUDGET_MS,
    size: MAX_FILE_BYTES,
  });
  return z.stashFile(response);
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
