import { contactOutput, contactResult, typedCustomFields } from '../../src/shapes/contact';
import contact from '../fixtures/contact.json';

describe('typedCustomFields', () => {
  it.each([
    [
      'the documented include_field_types answer (contacts_api/get_contacts.md)',
      {
        Address: 'Oxford Street 123',
        'Join Date': '2024-01-15',
        Preferences: '["Newsletter", "Promotions"]',
      },
      {
        Address: { value: 'Oxford Street 123', type: 'text' },
        'Join Date': { value: '2024-01-15', type: 'date' },
        Preferences: {
          value: ['Newsletter', 'Promotions'],
          type: 'checkbox',
          options: ['Newsletter', 'Promotions', 'Updates'],
        },
      },
      {
        Address: 'Oxford Street 123',
        'Join Date': '2024-01-15',
        Preferences: ['Newsletter', 'Promotions'],
      },
    ],
    [
      'checkbox JSON text without types',
      { Preferences: '["Newsletter"]', Note: '[draft] call back' },
      undefined,
      { Preferences: ['Newsletter'], Note: '[draft] call back' },
    ],
    [
      'numbers only when typed as number',
      { Orders: '3', Zip: '01234', Score: '4.5' },
      { Orders: { value: '3', type: 'number' }, Score: { value: '4.5', type: 'number' } },
      { Orders: 3, Zip: '01234', Score: 4.5 },
    ],
    [
      'a number field whose value is not a number stays as sent',
      { Orders: 'n/a' },
      { Orders: { value: 'n/a', type: 'number' } },
      { Orders: 'n/a' },
    ],
    [
      'a field only in the metadata, and JSON that is not a list of strings',
      { Data: '[1, 2]' },
      { Tags: { value: ['a'], type: 'checkbox' } },
      { Data: '[1, 2]', Tags: ['a'] },
    ],
    ['nothing at all', undefined, undefined, {}],
    [
      'a checkbox field whose ticked options are a list, or JSON text of one',
      { A: ['x', 1, null], B: '["y"]', C: '[oops', D: 7 },
      {
        A: { type: 'checkbox' },
        B: { type: 'checkbox' },
        C: { type: 'checkbox' },
        D: { type: 'checkbox' },
      },
      { A: ['x', '1'], B: ['y'], C: '[oops', D: 7 },
    ],
    [
      'numbers typed as number: negative, or with a fraction; not with junk around them',
      { A: '-3', B: '1.', C: ' 2', D: '2 ', E: '.5', F: '12.25' },
      Object.fromEntries(['A', 'B', 'C', 'D', 'E', 'F'].map((name) => [name, { type: 'number' }])),
      { A: -3, B: '1.', C: ' 2', D: '2 ', E: '.5', F: 12.25 },
    ],
    [
      'a list or a value that is no text, as sent when untyped',
      { A: ['x'], B: 5, C: 'plain [text]' },
      undefined,
      { A: ['x'], B: 5, C: 'plain [text]' },
    ],
    [
      'JSON text of a list mixing strings and numbers, as sent',
      { A: '["a", 1]' },
      undefined,
      { A: '["a", 1]' },
    ],
    [
      'numbers only when they convert without loss',
      { A: '12345678901234567890', B: '01234', C: '9'.repeat(400), D: '1.50', E: '42' },
      Object.fromEntries(['A', 'B', 'C', 'D', 'E'].map((name) => [name, { type: 'number' }])),
      { A: '12345678901234567890', B: '01234', C: '9'.repeat(400), D: '1.50', E: 42 },
    ],
    [
      'JSON text of a list in a field typed as text, as sent',
      { A: '["a","b"]', B: '["a","b"]' },
      { A: { type: 'text' }, B: { type: 'dropdown' } },
      { A: '["a","b"]', B: '["a","b"]' },
    ],
  ])('reads %s', (_case, fields, metadata, expected) => {
    expect(typedCustomFields(fields, metadata)).toEqual(expected);
  });
});

describe('contactOutput', () => {
  it('reads a contact sent as an object or as a one-element list the same way', () => {
    const expected = {
      uuid: contact.uuid,
      name: 'John Doe',
      firstName: 'John',
      lastName: 'Doe',
      phoneNumber: '31612345678',
      phoneNumberE164: '+31612345678',
      source: null,
      href: contact.href,
      conversationHref: contact.conversationHref,
      avatarUrl: null,
      assignedUser: null,
      funnelId: null,
      bsuid: null,
      note: null,
      createdAt: null,
      closedAt: '2026-11-24T10:00:00Z',
      blockedAt: null,
      tags: ['Lead'],
      customFields: {},
      team: { uuid: null, name: null },
      channel: { uuid: null, title: null, type: null },
    };
    expect(contactOutput(contact)).toEqual(expected);
    expect(contactOutput([contact])).toEqual(expected);
  });

  it.each([
    ['digits', '31612345678', '+31612345678'],
    ['a number written with signs and spaces', '+31 (6) 1234-5678', '+31612345678'],
    ['six digits, the shortest', '123456', '+123456'],
    ['five digits', '12345', null],
    ['fifteen digits, the longest', '123456789012345', '+123456789012345'],
    ['sixteen digits', '1234567890123456', null],
    ['no number', null, null],
    ['an empty number', '', null],
  ])('writes %s in E.164 only when it can be a number', (_case, phoneNumber, e164) => {
    expect(contactOutput({ phoneNumber }).phoneNumberE164).toBe(e164);
  });

  it.each([
    ['whatsapp', '+31612345678'],
    ['telegram', null],
    ['facebook', null],
    ['instagram', null],
  ])('writes the E.164 number of a %s contact as %s', (source, e164) => {
    expect(contactOutput({ phoneNumber: '31612345678', source }).phoneNumberE164).toBe(e164);
  });

  it.each([
    [
      'objects, read for their id and name only',
      { uuid: 't', name: 'Sales', members: 3 },
      { uuid: 'c', title: 'Main line', type: 'whatsapp', main: true },
      { uuid: 't', name: 'Sales' },
      { uuid: 'c', title: 'Main line', type: 'whatsapp' },
    ],
    [
      'absent or not objects: the same keys, null',
      undefined,
      'whatsapp',
      { uuid: null, name: null },
      { uuid: null, title: null, type: null },
    ],
  ])('gives a team and a channel as %s', (_case, team, channel, teamOut, channelOut) => {
    expect(contactOutput({ team, channel })).toMatchObject({ team: teamOut, channel: channelOut });
  });
});

describe('contactResult', () => {
  it('adds the uuid as the id Zapier needs', () => {
    expect(contactResult({ contact: [contact] })).toMatchObject({
      id: contact.uuid,
      uuid: contact.uuid,
    });
  });

  it('gives a contact without a uuid an empty id', () => {
    expect(contactResult({ contact: { uuid: undefined } as never })).toMatchObject({ id: '' });
  });

  it('refuses an answer without the contact, saying to check before replaying', () => {
    expect(() => contactResult({})).toThrow(
      "Check in Callbell whether this step took effect before replaying it: Callbell's answer did not include the contact, so it is unknown what happened.",
    );
  });
});
