import { contactOutputFields } from '../outputs/contact';
import { stringList } from '../outputs/values';
import { messageStatusUpdatedSample } from '../samples/message_status_updated';
import { hookTrigger } from '../webhooks/hook-trigger';

const STATUSES = {
  enqueued: 'Enqueued',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Failed',
  mismatch: 'Mismatch',
};

export const messageStatusUpdated = hookTrigger({
  key: 'message_status_updated',
  noun: 'Message Status',
  label: 'Message Status Updated',
  description:
    'Triggers when a message sent from Callbell changes status, such as delivered, read or failed (WhatsApp Business API and QR API channels).',
  events: () => ['message_status_updated'],
  inputFields: [
    {
      key: 'statuses',
      label: 'Statuses',
      choices: STATUSES,
      list: true,
      required: false,
      helpText:
        'Only these statuses start the Zap; leave empty for every status. Pick "Failed" to be told when a message could not be delivered, with the reason.',
    },
  ],
  wants: (output, bundle) => {
    const statuses = stringList(bundle.inputData.statuses);
    return statuses.length === 0 || statuses.includes(String(output.status));
  },
  sample: messageStatusUpdatedSample,
  outputFields: [
    { key: 'uuid', label: 'Message ID' },
    { key: 'status', label: 'Status' },
    { key: 'failure_reason', label: 'Failure Reason' },
    { key: 'metadata', label: 'Metadata' },
    { key: 'messageStatusPayload__type', label: 'Provider Status' },
    ...contactOutputFields('contact__', 'Contact: '),
  ],
});
