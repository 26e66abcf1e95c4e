import { channelTypeField, readRecipient, WHATSAPP_ONLY } from '../../src/fields/recipient';
import { inputErrorText } from '../helpers/operations';

describe('readRecipient', () => {
  it.each([
    [
      'a channel type the action does not offer, listing the ones it does',
      { from: 'telegram', to: '42' },
      'Channel Type: "telegram" is not one of the choices. Use one of: whatsapp.',
    ],
    [
      'a channel type Callbell does not have',
      { from: 'fax', to: '42' },
      expect.stringMatching(/^Channel Type: "fax" is not one of/),
    ],
    [
      'a WhatsApp number that is not one, naming To',
      { to: '12' },
      expect.stringMatching(/^To: "12" is not a valid phone number/),
    ],
  ])('refuses %s', (_case, input, message) => {
    expect(inputErrorText(() => readRecipient(input, WHATSAPP_ONLY))).toEqual(message);
  });

  it('lists every channel type the action offers', () => {
    const offered = { whatsapp: 'WhatsApp', telegram: 'Telegram' };
    expect(inputErrorText(() => readRecipient({ from: 'facebook', to: '42' }, offered))).toBe(
      'Channel Type: "facebook" is not one of the choices. Use one of: whatsapp, telegram.',
    );
  });

  it.each([
    [
      'a WhatsApp number, in E.164',
      { to: '0612345678', default_country: 'NL' },
      { from: 'whatsapp', to: '+31612345678' },
    ],
    [
      'WhatsApp when no channel type is given',
      { from: '', to: '+31612345678' },
      { from: 'whatsapp', to: '+31612345678' },
    ],
    [
      'a contact ID on another channel, as given',
      { from: 'telegram', to: ' 4242 ' },
      { from: 'telegram', to: '4242' },
    ],
    [
      'a contact ID on another channel, never as a phone number',
      { from: 'instagram', to: '0612345678', default_country: 'NL' },
      { from: 'instagram', to: '0612345678' },
    ],
    [
      'a BSUID when there is no number',
      { bsuid: 'US.13491208655302741918', channel_uuid: 'ch-1' },
      { from: 'whatsapp', bsuid: 'US.13491208655302741918', channel_uuid: 'ch-1' },
    ],
    [
      'the number before a BSUID',
      { to: '+31612345678', bsuid: 'US.1' },
      { from: 'whatsapp', to: '+31612345678' },
    ],
  ])('reads %s', (_case, input, recipient) => {
    expect(readRecipient(input)).toEqual({ channel_uuid: undefined, ...recipient });
  });

  it.each([
    ['one channel type', WHATSAPP_ONLY, 'Template messages go through WhatsApp only.'],
    [
      'several',
      { whatsapp: 'WhatsApp', telegram: 'Telegram' },
      'The kind of channel the message goes through. WhatsApp unless you send on another network.',
    ],
  ])('offers the channel types with help for %s', (_case, choices, helpText) => {
    expect(channelTypeField(choices)).toEqual({
      key: 'from',
      label: 'Channel Type',
      choices,
      default: 'whatsapp',
      required: true,
      helpText,
    });
  });

  it('asks for a recipient when there is none', () => {
    expect(inputErrorText(() => readRecipient({ to: ' ' }))).toBe(
      'To: a recipient is required: map the phone number (or, outside WhatsApp, the contact ID), or choose a WhatsApp User.',
    );
  });
});
