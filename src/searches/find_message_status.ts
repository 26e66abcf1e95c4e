import type { Bundle, Search, ZObject } from 'zapier-platform-core';
import { getMessageStatus } from '../api/messages';
import { requiredText, objectOrEmpty, stringOrNull, type JsonObject } from '../values';
import { failureReason } from '../shapes/message-status';
import { EXAMPLE_IDS, type Example } from '../example';

interface MessageStatus extends JsonObject {
  id: string;
  uuid: string;
  status: string | null;
  failure_reason: string | null;
}

export async function performFindMessageStatus(
  z: ZObject,
  bundle: Bundle,
): Promise<MessageStatus[]> {
  const uuid = requiredText(
    bundle.inputData.message_uuid,
    'Message',
    'the ID of a message sent from Callbell',
  );
  const answer = await getMessageStatus(z, uuid);
  if (!answer) return [];
  const message = objectOrEmpty(answer.message);
  const statusPayload = objectOrEmpty(message.messageStatusPayload);
  return [
    {
      id: stringOrNull(message.uuid) ?? uuid,
      uuid: stringOrNull(message.uuid) ?? uuid,
      status: stringOrNull(message.status),
      // The provider's raw status payload (ids, epoch times) is read, not handed on.
      failure_reason: failureReason(statusPayload),
    },
  ];
}

export const findMessageStatusSearch = {
  key: 'find_message_status',
  noun: 'Message Status',
  display: {
    label: 'Find Message Status',
    description:
      'Finds the delivery status of a sent message: enqueued, sent, delivered, read or failed.',
  },
  operation: {
    inputFields: [
      {
        // Only feeds the Message list: the status is looked up by the message alone.
        key: 'message_contact_uuid',
        label: 'Contact',
        dynamic: 'contact_list.id.name',
        helpText: 'Choose a contact to list the messages sent to them below.',
      },
      {
        key: 'message_uuid',
        label: 'Message',
        dynamic: 'message_list.id.name',
        required: true,
        helpText:
          'Choose one of the messages sent to the contact, or map the **Message ID** a Send Message or Send Template Message step returned.',
      },
    ],
    perform: performFindMessageStatus,
    sample: {
      id: 'adf3d1216d4c4dcd908199d6700f2381',
      uuid: 'adf3d1216d4c4dcd908199d6700f2381',
      status: 'read',
      failure_reason: null,
    },
    outputFields: [
      { key: 'id', label: 'ID' },
      { key: 'uuid', label: 'Message ID' },
      { key: 'status', label: 'Status' },
      { key: 'failure_reason', label: 'Failure Reason' },
    ],
  },
} satisfies Search;

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: { message_uuid: EXAMPLE_IDS.message },
  requests: [`GET /messages/status/${EXAMPLE_IDS.message}`],
};
