import type { ZObject } from 'zapier-platform-core';
import { callbell, callbellOrNull } from './client/request';
import type { Contact } from './client/types';
import { unwrapOne } from './client/unwrap';
import { contactOutput, type ContactOutput } from './outputs/contact';

/** What Callbell answers wherever it returns a contact (an object or a one-element array). */
export interface ContactAnswer {
  contact?: Contact | Contact[];
}

export type ContactResult = ContactOutput & { id: string };

/** A contact as actions and searches return it: its uuid doubles as the Zapier `id`. */
export function contactResult(answer: ContactAnswer): ContactResult {
  const contact = contactOutput(unwrapOne(answer.contact, 'contact'));
  return { id: contact.uuid ?? '', ...contact };
}

export function contactPath(uuid: string, ...rest: string[]): string {
  return ['/contacts', encodeURIComponent(uuid), ...rest].join('/');
}

/** The contact with this phone number (digits only), or null when Callbell has none. */
export async function findContactByPhone(
  z: ZObject,
  digits: string,
  channelUuid?: string,
): Promise<ContactResult | null> {
  const answer = await callbellOrNull<ContactAnswer>(z, {
    path: `/contacts/phone/${encodeURIComponent(digits)}`,
    params: { channel_uuid: channelUuid },
  });
  return answer ? contactResult(answer) : null;
}

export async function findContactByUuid(z: ZObject, uuid: string): Promise<ContactResult | null> {
  const answer = await callbellOrNull<ContactAnswer>(z, { path: contactPath(uuid) });
  return answer ? contactResult(answer) : null;
}

export async function findContactByBsuid(z: ZObject, bsuid: string): Promise<ContactResult | null> {
  const answer = await callbellOrNull<ContactAnswer>(z, {
    path: `/contacts/bsuid/${encodeURIComponent(bsuid)}`,
  });
  return answer ? contactResult(answer) : null;
}

export async function changeContact(
  z: ZObject,
  method: 'POST' | 'PATCH' | 'PUT',
  path: string,
  body?: object,
): Promise<ContactResult> {
  return contactResult(await callbell<ContactAnswer>(z, { method, path, body }));
}
