import { errors } from 'zapier-platform-core';
import { CHECK_BEFORE_REPLAY } from './errors';

/**
 * Callbell documents some records both as an object and as a one-element array (`contact`
 * from GET, POST and PATCH /contacts, conversation open, update_funnel; `template` from GET
 * /templates/:uuid, typed Template[] but shown as an object). POST /messages/send's `message`
 * is an object in every example. Every caller goes through here so no operation has to care.
 */
export function single<T>(value: T | T[] | null | undefined): T | undefined {
  return (Array.isArray(value) ? value[0] : value) ?? undefined;
}

/**
 * Like `single`, for answers that must carry the record. `callbell()` checks that they do
 * (`expects`), so this is the last guard, worded for a read or a write alike.
 */
export function unwrapOne<T extends object>(value: T | T[] | null | undefined, what: string): T {
  const item = single(value);
  if (!item || typeof item !== 'object') {
    throw new errors.Error(
      `${CHECK_BEFORE_REPLAY} Callbell's answer did not include the ${what}, so it is unknown what happened.`,
      'CallbellUnreadableAnswer',
    );
  }
  return item;
}
