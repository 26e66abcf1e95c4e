import { contactOutput, contactOutputFields, sampleContact } from '../shapes/contact';
import { failureReason, statusPayloadOutput } from '../shapes/message-status';
import type { EventMapper } from '../webhooks/events';
import { hookTrigger } from '../webhooks/hook-trigger';
import { isoTime, objectOrEmpty, stringList, stringOrNull } from '../values';
import type { HookExample } from '../example';

const STATUSES = {
  enqueued: 'Enqueued',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Failed',
  mismatch: 'Mismatch',
};

/** The messageStatusPayload of message_status_updated.md's example. */
const SAMPLE_STATUS_PAYLOAD = {
  id: 'gBGGM2MSRxl_Aglqmg5KQXU7ABC',
  gsId: '2b34bfb7-2631-4763-89fb-1b3c65a4babc',
  type: 'read',
  payload: { ts: 1686563913 },
  destination: '1122334455',
};

export const mapMessageStatusUpdated: EventMapper = (payload) => {
  const statusPayload = objectOrEmpty(payload.messageStatusPayload);
  return {
    created_at: isoTime(objectOrEmpty(statusPayload.payload).ts ?? statusPayload.timestamp),
    uuid: stringOrNull(payload.uuid),
    status: stringOrNull(payload.status),
    failure_reason: failureReason(statusPayload),
    metadata: objectOrEmpty(payload.metadata),
    contact: contactOutput(payload.contact),
    // "The raw message status payload" (message_status_updated.md): for a `mismatch`, "the
    // corrected phone number identifier will be present inside the inner payload". Handed on
    // as fields a Zap can map (epoch times as ISO 8601), and exactly as it came as JSON text.
    status_payload: statusPayloadOutput(statusPayload),
    status_payload_json: JSON.stringify(statusPayload),
  };
};

export const messageStatusUpdatedTrigger = hookTrigger({
  key: 'message_status_updated',
  noun: 'Message Status',
  label: 'Message Status Updated',
  description: 'Triggers when a sent WhatsApp message is delivered, read or fails.',
  mappers: { message_status_updated: mapMessageStatusUpdated },
  inputFields: [
    {
      key: 'statuses',
      label: 'Statuses',
      choices: STATUSES,
      list: true,
      helpText:
        'Only these statuses start the Zap; leave empty for every status. Pick "Failed" to be told when a message could not be delivered, with the reason.',
    },
  ],
  wants: (output, bundle) => {
    const statuses = stringList(bundle.inputData.statuses);
    return statuses.length === 0 || statuses.includes(String(output.status));
  },
  sample: {
    id: 'adf3d1216d4c4dcd908199d6700f2381-7de593058416203f',
    event: 'message_status_updated',
    created_at: '2023-06-12T09:58:33.000Z',
    uuid: 'adf3d1216d4c4dcd908199d6700f2381',
    status: 'read',
    failure_reason: null,
    metadata: {},
    contact: sampleContact,
    status_payload: statusPayloadOutput(SAMPLE_STATUS_PAYLOAD),
    status_payload_json: JSON.stringify(SAMPLE_STATUS_PAYLOAD),
  },
  outputFields: [
    { key: 'uuid', label: 'Message ID' },
    { key: 'status', label: 'Status' },
    { key: 'failure_reason', label: 'Failure Reason' },
    { key: 'metadata', label: 'Metadata' },
    { key: 'status_payload', label: 'Raw Status Payload' },
    { key: 'status_payload_json', label: 'Raw Status Payload (JSON)' },
    ...contactOutputFields('contact__', 'Contact: '),
  ],
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: HookExample = { input: {}, event: 'message_status_updated' };
