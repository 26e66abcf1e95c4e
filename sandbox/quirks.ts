/**
 * Where Callbell's docs allow more than one reading, the sandbox answers one way by default and
 * tests flip it here to play the other: `npm run check-live` must report the difference. Docs
 * named here are in callbellchat/callbell-public-docs, under docs/api/reference/.
 */
export interface SandboxQuirks {
  /**
   * PATCH /contacts/:uuid with `tags`: the list `replace`s the contact's tags (the sandbox's
   * reading), or is `add`ed to them. contacts_api/patch_contacts.md does not say.
   */
  tags: 'replace' | 'add';
  /**
   * POST /messages/send without `channel_uuid`: `refused` (422), as the Required table of
   * messages_api/post_send_messages.md says since 2024-10-15, or sent from the `main channel`,
   * as the release note of 2024-02-09, every other snippet and getting_started.md read.
   */
  sendWithoutChannelUuid: 'refused' | 'main channel';
  /**
   * Which route moves a conversation to a funnel stage: the ref page's
   * `PUT /contacts/:uuid/conversation/update_funnel`, the snippets'
   * `POST /contacts/:uuid/messages/update_funnel` (contacts_api/
   * put_contacts_conversation_update_funnel.md and its snippets), or both.
   */
  funnelRoutes: 'both' | 'PUT only' | 'POST only';
  /**
   * The contact in a send's answer (`fields=contact`): the Contact object
   * (object_types/message_send_request.md → contact.md, `phoneNumber`) or the page's example
   * `{uuid, name, phone, email}` (messages_api/post_send_messages.md).
   */
  sendAnswerContact: 'contact object' | 'example';
  /**
   * Audio and video files: their own message `type`s, as the headings "Send Audio Attachment"
   * and "Send Video Attachment" of messages_api/post_send_messages.md read, or `sent as
   * document`, as those sections' snippets send them (`"type": "document"`).
   */
  audioAndVideo: 'message types' | 'sent as document';
}

/**
 * The sandbox's default answers, each a reading the docs give: the stricter one where the app
 * must not depend on the lenient one (a send names its channel; audio and video go as the
 * snippets send them).
 */
export const DEFAULT_QUIRKS: SandboxQuirks = {
  tags: 'replace',
  sendWithoutChannelUuid: 'refused',
  funnelRoutes: 'both',
  sendAnswerContact: 'contact object',
  audioAndVideo: 'sent as document',
};

export function quirksWith(changes: Partial<SandboxQuirks> = {}): SandboxQuirks {
  return { ...DEFAULT_QUIRKS, ...changes };
}
