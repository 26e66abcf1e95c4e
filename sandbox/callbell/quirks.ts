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
  /**
   * PATCH /contacts/:uuid with `custom_fields`: the fields sent are `merge`d into the contact's
   * (the sandbox's reading), or `replace` them all. contacts_api/patch_contacts.md does not say.
   */
  customFields: 'merge' | 'replace';
  /**
   * POST /contacts `identifier` for WhatsApp: kept as its `digits` (so "+31 6…" and "316…" are
   * one number), or kept `as sent`, so a contact created as "+316…" is not found by the
   * look-up by digits (contacts_api/post_contacts.md sends digits in every snippet;
   * get_contacts.md shows "+123 456 789"; get_contact_by_phone.md looks up digits).
   */
  contactIdentifier: 'digits' | 'as sent';
  /**
   * GET /templates/:uuid answers `template` as an `object`, as the page's example does, or as a
   * one-element `list`, as its Response table types it (`Template[]`; get_template.md).
   */
  templateAnswer: 'object' | 'list';
  /**
   * A media template sent with `template_values` (several placeholders): the file in
   * `content.url` is `kept`, or `dropped` with the rest of `content` ("When `template_values`
   * are valid, the values inside `content` will be ignored", post_send_messages.md).
   */
  severalValuesMedia: 'kept' | 'dropped';
  /**
   * A media template's `type`: it `must match` the template's type, as the media snippets send
   * it (`_post_messages_template_image.mdx`…), or `any` of the message types goes; no doc
   * page states the rule.
   */
  mediaTemplateType: 'must match' | 'any';
  /**
   * GET /contacts and GET /contacts/:uuid/messages: `no meta`, as their examples show
   * (get_contacts.md, get_contact_messages.md), or `meta: {page, pages}` as the channel and team
   * lists have.
   */
  contactListMeta: 'no meta' | 'meta';
  /**
   * PATCH /contacts/:uuid answers the contact as it is `after` the change, or as it was
   * `before` it: patch_contacts.md's example answer does not show its own snippet's changes
   * (another name, `customFields: {}` after custom fields were sent).
   */
  patchAnswer: 'after' | 'before';
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
  customFields: 'merge',
  contactIdentifier: 'digits',
  templateAnswer: 'object',
  severalValuesMedia: 'kept',
  mediaTemplateType: 'must match',
  contactListMeta: 'no meta',
  patchAnswer: 'after',
};

/** Every reading the default does not answer by, one quirk flipped at a time. */
export const OTHER_READINGS: { [K in keyof SandboxQuirks]: SandboxQuirks[K][] } = {
  tags: ['add'],
  sendWithoutChannelUuid: ['main channel'],
  funnelRoutes: ['PUT only', 'POST only'],
  sendAnswerContact: ['example'],
  audioAndVideo: ['message types'],
  customFields: ['replace'],
  contactIdentifier: ['as sent'],
  templateAnswer: ['list'],
  severalValuesMedia: ['dropped'],
  mediaTemplateType: ['any'],
  contactListMeta: ['meta'],
  patchAnswer: ['before'],
};

export function quirksWith(changes: Partial<SandboxQuirks> = {}): SandboxQuirks {
  return { ...DEFAULT_QUIRKS, ...changes };
}
