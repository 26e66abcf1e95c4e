import { getCountries } from 'libphonenumber-js/min';
import { defaultCountryField } from '../../src/fields/common';
import { countryChoices } from '../../src/fields/countries';
import { parseCountry } from '../../src/phone';

describe('Default Country', () => {
  const choices = countryChoices();

  it('offers every country libphonenumber-js has a numbering plan for, once', () => {
    const values = choices.map((choice) => choice.value);
    expect([...values].sort()).toEqual([...getCountries()].sort());
  });

  it.each([
    ['NL', 'Netherlands (NL)'],
    ['US', 'United States (US)'],
    ['BR', 'Brazil (BR)'],
    ['GB', 'United Kingdom (GB)'],
  ])('names %s as "%s", sorted by name', (code, label) => {
    expect(choices).toContainEqual({ value: code, sample: code, label });
    const labels = choices.map((choice) => choice.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('is the dropdown on the field, and every choice is a country the phone reader takes', () => {
    expect(defaultCountryField.choices).toEqual(choices);
    for (const { value } of choices) expect(parseCountry(value, 'Default Country')).toBe(value);
  });
});
