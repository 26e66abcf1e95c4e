import type { PlainInputField } from 'zapier-platform-core';
import { DEFAULT_COUNTRY_LABEL } from '../phone';

/** Fields several operations offer under the same key, with the same meaning. */

/** A country to read national numbers with; a mapped two-letter ISO code works too. */
export const defaultCountryField: PlainInputField = {
  key: 'default_country',
  label: DEFAULT_COUNTRY_LABEL,
  dynamic: 'country_list.id.name',
  helpText:
    'For numbers written without a country code, such as `0612345678` in the Netherlands. Not needed for numbers starting with + or 00.',
};

/** The Callbell channel dropdown; `helpText` says what the channel is used for here. */
export function channelField(helpText: string): PlainInputField {
  return {
    key: 'channel_uuid',
    label: 'Channel',
    dynamic: 'channel_list.id.name',
    helpText,
  };
}

export const BSUID_LABEL = 'WhatsApp User';

/**
 * The WhatsApp Business Suite User ID (BSUID) of a contact who hides their number behind a
 * username: chosen from the contacts that have one, or mapped from a trigger's WhatsApp BSUID.
 */
export function bsuidField(helpText: string): PlainInputField {
  return {
    key: 'bsuid',
    label: BSUID_LABEL,
    dynamic: 'whatsapp_user_list.id.name',
    helpText,
  };
}
