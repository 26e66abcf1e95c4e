/**
 * libphonenumber-js with its smallest ("min") metadata, built as a file of its own
 * (`dist/phone-lib.js`, package.json's build) that src/phone.ts loads on the first phone number:
 * half the app's code, which a cold start would otherwise compile for the many steps that never
 * read one (triggers, dropdowns).
 */
import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type MetadataJson,
  type PhoneNumber,
} from 'libphonenumber-js/core';
import metadataJson from 'libphonenumber-js/metadata.min.json';

const metadata = metadataJson as MetadataJson;

export function isCountry(code: string): code is CountryCode {
  // The library's own test of whether a string is a CountryCode, typed as taking one.
  return isSupportedCountry(code as CountryCode, metadata);
}

/** A number as written, read as international, or as national to `country` when given. */
export function parseNumber(text: string, country?: CountryCode): PhoneNumber | undefined {
  return country
    ? parsePhoneNumberFromString(text, country, metadata)
    : parsePhoneNumberFromString(text, metadata);
}
