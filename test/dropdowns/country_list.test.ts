import { getCountries } from 'libphonenumber-js/min';
import { countryListDropdown } from '../../src/dropdowns/country_list';
import { defaultCountryField } from '../../src/fields/common';
import { parseCountry } from '../../src/phone';
import { fill } from '../helpers/dropdown';

describe('country_list: the Default Country dropdown', () => {
  it('offers every country libphonenumber-js has a numbering plan for, once, without a request', async () => {
    // No nock scope: any request would fail the test (test/setup/no-network.ts).
    const choices = await fill(countryListDropdown);
    expect(choices.map((choice) => choice.id).sort()).toEqual([...getCountries()].sort());
    for (const { id } of choices) expect(parseCountry(id, 'Default Country')).toBe(id);
  });

  it.each([
    ['NL', 'Netherlands (NL)'],
    ['US', 'United States (US)'],
    ['BR', 'Brazil (BR)'],
    ['GB', 'United Kingdom (GB)'],
  ])('names %s as "%s", sorted by name', async (id, name) => {
    const choices = await fill(countryListDropdown);
    expect(choices).toContainEqual({ id, name });
    const names = choices.map((choice) => choice.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('is a hidden trigger, labelled in plain English', () => {
    expect(countryListDropdown.display).toMatchObject({ label: 'List Countries', hidden: true });
  });

  it('feeds the Default Country field, which holds no copy of the list itself', () => {
    expect(defaultCountryField).toMatchObject({ dynamic: 'country_list.id.name' });
    expect(defaultCountryField.choices).toBeUndefined();
  });
});
