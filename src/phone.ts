import type { CountryCode, PhoneNumber } from 'libphonenumber-js/core';
import { InputError } from './input-error';
import { asText, quote } from './values';

/** The field national numbers are read with (fields/common.ts's defaultCountryField). */
export const DEFAULT_COUNTRY_LABEL = 'Default Country';

type PhoneLib = typeof import('./phone-lib');

let loaded: PhoneLib | undefined;

/** libphonenumber-js, loaded on the first phone number (see src/phone-lib.ts). */
function phoneLib(): PhoneLib {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./phone-lib') as PhoneLib;
  return loaded;
}

/**
 * Phone numbers as Zaps carry them (Shopify's "+1 (201) 555-0123", a form's "0612345678",
 * Callbell's own digits "31612345678") in; E.164 for sending and creating, digits only for
 * Callbell's `/contacts/phone/:number` look-up, out.
 */
export interface PhoneInput {
  value: unknown;
  /** ISO 3166 country (e.g. "NL") for numbers written without a country code. */
  defaultCountry?: unknown;
  /** Label of the field the number came from, as the Zap author sees it. */
  fieldLabel: string;
}

const EXAMPLE = 'e.g. +31 6 1234 5678';

/** E.164 allows 15 digits; room for spaces, dashes and brackets, but not for a paragraph. */
const MAX_PHONE_LENGTH = 64;

/**
 * An extension, however it is written ("#12", "ext. 12", "x12", ";ext=12"). One rule for all
 * of them: refused, because WhatsApp numbers have none and dropping it could reach a
 * switchboard instead of the person.
 */
const EXTENSION = /(#|;\s*ext=|\bext\b\.?|\bextension\b|\d\s*x)\s*\d+\s*$/i;

export function toE164(input: PhoneInput): string {
  return parsePhone(input).number;
}

export function toDigits(input: PhoneInput): string {
  return toE164(input).slice(1);
}

export function parseCountry(value: unknown, fieldLabel: string): CountryCode | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const code = (asText(value) ?? '').trim().toUpperCase();
  if (phoneLib().isCountry(code)) return code;
  throw new InputError(
    fieldLabel,
    `${quote(value)} is not a two-letter country code. Use an ISO 3166 code such as US, GB, NL or BR.`,
  );
}

function parsePhone({ value, defaultCountry, fieldLabel }: PhoneInput) {
  const text = asText(value);
  if (text === undefined || !text.trim()) {
    throw new InputError(fieldLabel, `a phone number is required (${EXAMPLE}).`);
  }
  if (text.length > MAX_PHONE_LENGTH) {
    throw new InputError(
      fieldLabel,
      `${quote(text)} is ${text.length} characters, too long for a phone number. Map a field that holds only the number (${EXAMPLE}).`,
    );
  }
  if (EXTENSION.test(text)) {
    throw new InputError(
      fieldLabel,
      `${quote(text)} has an extension, which WhatsApp cannot dial. Map the number without it (${EXAMPLE}).`,
    );
  }
  if (/[a-z]/i.test(text)) {
    throw new InputError(
      fieldLabel,
      `${quote(text)} contains letters, so it is not a phone number Callbell can reach. Map a field that holds digits only (${EXAMPLE}).`,
    );
  }
  const country = parseCountry(defaultCountry, DEFAULT_COUNTRY_LABEL);
  const phone = parseWithCountry(text, country) ?? parseAsInternational(text);
  if (phone) return phone;
  const fix = country
    ? `Check the number, or the Default Country (${country}) when the number has no country code.`
    : 'Add the country code to the number, or choose a Default Country for numbers written without one.';
  throw new InputError(fieldLabel, `${quote(text)} is not a valid phone number. ${fix}`);
}

/** "00" is the international prefix nearly everywhere, so "0031 6…" and "00 31 6…" are "+31 6…". */
function withPlus(text: string): string {
  return text.trim().replace(/^00[\s.-]*(?=[1-9])/, '+');
}

/**
 * Valid, not merely possible: "0612345678" with US has the length of a US number but no US
 * number starts with 0, so sending it would message a stranger or nobody.
 */
function parseWithCountry(text: string, country: CountryCode | undefined): PhoneNumber | undefined {
  const phone = phoneLib().parseNumber(withPlus(text), country);
  return phone?.isValid() ? phone : undefined;
}

/**
 * Callbell writes numbers as digits with the country code and no "+" (33612345678). With no
 * default country such digits are read as international, but only when that gives a valid
 * number: a national number ("0612345678") must not be guessed into some other country. A number
 * written with "+" or "00" that was not valid is still not: its digits are the same number.
 */
function parseAsInternational(text: string): PhoneNumber | undefined {
  const phone = phoneLib().parseNumber(`+${text.replace(/\D/g, '')}`);
  return phone?.isValid() ? phone : undefined;
}
