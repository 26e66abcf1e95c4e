import type { Bundle, Create, PlainInputField, ZObject } from 'zapier-platform-core';
import { assignmentFields, readAssignment } from '../fields/assignment';
import { mediaUrlField, readMediaUrl } from '../fields/media';
import { metadataField, readSentMetadata } from '../fields/metadata';
import {
  channelTypeField,
  readRecipient,
  recipientFields,
  WHATSAPP_ONLY,
} from '../fields/recipient';
import { definedEntries, isYes, optionalText, requiredText } from '../values';
import { InputError } from '../input-error';
import { sendMessage } from '../api/messages';
import { apiKeyOf } from '../api/account-cache';
import {
  sentMessageOutputFields,
  sentMessageSample,
  type SentMessage,
} from '../shapes/sent-message';
import {
  getTemplate,
  MEDIA_TEMPLATE_TYPES,
  placeholderContext,
  placeholderNumbers,
  type Template,
} from '../api/templates';
import { EXAMPLE_IDS, type Example } from '../example';

const PREVIEW_KEY = 'template_preview';
const valueKey = (number: number) => `template_value_${number}`;
const valueLabel = (number: number) => `Value for {{${number}}}`;

/** What perform needs to know of the chosen template, kept in the preview field's meta. */
interface TemplateShape {
  placeholders: number[];
  templateType: string;
  /** The template's text, needed only when it has no placeholder (see `templateContent`). */
  text: string;
}

function shapeOf(template: Template): TemplateShape {
  return {
    placeholders: placeholderNumbers(template.text),
    templateType: template.templateType ?? 'text',
    text: template.text ?? '',
  };
}

/**
 * A media template with several placeholders sends `content: {text, url}` with
 * `template_values`, and post_send_messages.md says "When `template_values` are valid, the values
 * inside `content` will be ignored, since it is used for template messages with only one
 * variable": it does not say whether that takes `content.url`, the file, too. Callbell answers
 * "enqueued" either way, so the step cannot tell; `npm run check-live -- --write --media-url`
 * shows which reading holds for an account. The Zap author is told.
 */
const SEVERAL_VALUES_WITH_MEDIA =
  "Callbell's docs do not say whether the file goes out with a template of several placeholders: send a test first and check it arrives.";

/**
 * One input per {{n}} placeholder of the chosen template, labelled with the words around it,
 * plus Media URL for media templates. The template's shape rides along in the preview field's
 * `meta`, so sending needs no second request.
 */
export async function templateFields(z: ZObject, bundle: Bundle): Promise<PlainInputField[]> {
  const uuid = optionalText(bundle.inputData.template_uuid);
  if (!uuid) return [];
  const template = await getTemplate(z, uuid);
  const shape = shapeOf(template);
  const fields: PlainInputField[] = [
    {
      key: PREVIEW_KEY,
      label: 'Template Text',
      type: 'copy',
      helpText: `**${template.title ?? 'Template'}** (${shape.templateType}): ${template.text ?? ''}`,
      meta: {
        placeholders: shape.placeholders.join(','),
        templateType: shape.templateType,
        ...(shape.placeholders.length ? {} : { text: shape.text }),
      },
    },
    ...shape.placeholders.map((number): PlainInputField => ({
      key: valueKey(number),
      label: valueLabel(number),
      required: true,
      helpText: `Fills {{${number}}} in "${placeholderContext(template.text ?? '', number)}".`,
    })),
  ];
  if (MEDIA_TEMPLATE_TYPES.includes(shape.templateType)) {
    const caveat = shape.placeholders.length > 1 ? ` ${SEVERAL_VALUES_WITH_MEDIA}` : '';
    fields.push(
      mediaUrlField(
        `The ${shape.templateType} this template sends: a file from an earlier step, or a public link.${caveat}`,
      ),
    );
  }
  return fields;
}

/**
 * The template's shape from the field meta Zapier hands back, or one request when it is absent
 * (or, for a template without placeholders, lacks the text: Zaps set up before it was kept).
 */
async function templateShape(z: ZObject, bundle: Bundle, uuid: string): Promise<TemplateShape> {
  const meta = bundle.meta?.inputFields?.[PREVIEW_KEY];
  if (meta && typeof meta.templateType === 'string' && typeof meta.placeholders === 'string') {
    const placeholders = meta.placeholders.split(',').filter(Boolean).map(Number);
    const text = typeof meta.text === 'string' ? meta.text : undefined;
    if (placeholders.length || text !== undefined) {
      return { placeholders, templateType: meta.templateType, text: text ?? '' };
    }
  }
  return shapeOf(await getTemplate(z, uuid));
}

/**
 * One value per placeholder, no more and no fewer: a single value goes in `content.text`,
 * several in `template_values` ("Values for multi-variable template message",
 * post_send_messages.md), so a value without its placeholder would be lost.
 */
function templateValues(input: Record<string, unknown>, placeholders: number[]): string[] {
  const values = placeholders.map((number) =>
    requiredText(
      input[valueKey(number)],
      valueLabel(number),
      `a value for placeholder {{${number}}}`,
    ),
  );
  const extra = Object.keys(input).filter((key) => {
    const number = /^template_value_(\d+)$/.exec(key)?.[1];
    return number !== undefined && !placeholders.includes(Number(number));
  });
  if (extra.length) {
    throw new InputError(
      'Template',
      `the template has ${placeholders.length} placeholder(s) but values were given for ${extra.join(', ')}. Re-select the template to refresh its fields.`,
    );
  }
  return values;
}

/**
 * `content` and `template_values` as post_send_messages.md sends them:
 * - one placeholder: its value is `content.text` (`_post_messages_template.mdx`);
 * - several: `template_values`, and `content.text` as the snippet still sends it
 *   (`_post_multi_variable_messages_template.mdx`: "the values inside `content` will be
 *   ignored"), here the first value;
 * - media templates add the file as `content.url` (`_post_messages_template_image.mdx`,
 *   `_document.mdx`, `_video.mdx`).
 * Open in the docs: a template without placeholders. `content` is a Required Parameter, so it
 * is sent, with the template's own text in `content.text`: there is nothing for it to fill in,
 * and a check for a non-empty text passes.
 */
function templateContent(shape: TemplateShape, values: string[], mediaUrl: string | undefined) {
  const text = values[0] ?? shape.text;
  return {
    content: definedEntries({ text: text || undefined, url: mediaUrl }),
    template_values: values.length > 1 ? values : undefined,
  };
}

export async function performSendTemplateMessage(z: ZObject, bundle: Bundle): Promise<SentMessage> {
  const input = bundle.inputData;
  const recipient = readRecipient(input, WHATSAPP_ONLY);
  const templateUuid = requiredText(input.template_uuid, 'Template', 'a template');
  // "In order to send template messages `template_uuid` and `optin_contact` must be present",
  // and optin_contact is the "confirmation that the contact has opted-in" (post_send_messages.md).
  if (!isYes(input.optin_contact)) {
    throw new InputError(
      'Contact Opted In',
      'WhatsApp requires the contact to have agreed to receive your messages. Set this to Yes to confirm it before a template can be sent.',
    );
  }
  const assignment = readAssignment(input);
  const metadata = readSentMetadata(input.metadata);
  const shape = await templateShape(z, bundle, templateUuid);
  const isMedia = MEDIA_TEMPLATE_TYPES.includes(shape.templateType);
  const mediaUrl = isMedia ? readMediaUrl(input.media_url, 'Media URL') : undefined;
  // "you can send them by including a valid `url` of the media" (post_send_messages.md).
  if (isMedia && !mediaUrl) {
    throw new InputError(
      'Media URL',
      `this ${shape.templateType} template needs its file: map a link to the ${shape.templateType}.`,
    );
  }
  const values = templateValues(input, shape.placeholders);
  const { from, ...to } = recipient;
  return sendMessage(z, apiKeyOf(bundle), {
    from,
    ...definedEntries({
      ...to,
      // The media snippets send the template's type (image, document, video), others `text`.
      type: isMedia ? shape.templateType : 'text',
      template_uuid: templateUuid,
      optin_contact: true,
      ...templateContent(shape, values, mediaUrl),
      ...assignment,
      metadata,
    }),
  });
}

export const sendTemplateMessageCreate = {
  key: 'send_template_message',
  noun: 'Template Message',
  display: {
    label: 'Send Template Message',
    description:
      'Sends an approved WhatsApp template message, the only kind WhatsApp allows more than 24 hours after the contact last wrote.',
  },
  operation: {
    inputFields: [
      channelTypeField(WHATSAPP_ONLY),
      {
        key: 'template_uuid',
        label: 'Template',
        dynamic: 'template_list.id.name',
        required: true,
        altersDynamicFields: true,
        helpText:
          "An approved template (WhatsApp Business API channels only). After choosing it, fill one value per {{1}}, {{2}}… placeholder below. See [Callbell's template messages](https://docs.callbell.eu/api/reference/messages_api/post_send_messages).",
      },
      {
        key: 'optin_contact',
        label: 'Contact Opted In',
        type: 'boolean',
        required: true,
        helpText:
          'Confirm the contact agreed to receive WhatsApp messages from you (for example a checkbox at checkout). Callbell and WhatsApp require it for template messages.',
      },
      ...recipientFields,
      templateFields,
      ...assignmentFields,
      metadataField,
    ],
    perform: performSendTemplateMessage,
    sample: sentMessageSample,
    outputFields: sentMessageOutputFields,
  },
} satisfies Create;

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: {
    channel_uuid: EXAMPLE_IDS.channel,
    to: '+5511987654321',
    template_uuid: EXAMPLE_IDS.template,
    optin_contact: true,
    template_value_1: 'Bia',
    template_value_2: '#1001',
  },
  requests: [`GET /templates/${EXAMPLE_IDS.template}`, 'POST /messages/send'],
};
