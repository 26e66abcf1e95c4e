import type { Example } from '../example';
import { countryChoices } from '../fields/countries';
import { dropdownTrigger } from './dropdown-trigger';

/**
 * The countries of the Default Country dropdown, listed here and not as the field's static
 * `choices`: the field appears in 18 operations, and Zapier's definition of the app would hold
 * 18 copies of about 240 countries (two thirds of its size). No request: the list is local.
 */
export const countryListDropdown = dropdownTrigger({
  key: 'country_list',
  noun: 'Country',
  plural: 'Countries',
  paginated: false,
  list: async () => countryChoices(),
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: {},
  requests: [],
};
