import type { HookExample } from '../example';
import { optionalText } from '../values';
import { contactUpdatedWhere } from './contact-updated-where';

export const contactUpdatedWithTagTrigger = contactUpdatedWhere({
  key: 'contact_updated_with_tag',
  label: 'Updated Tagged Contact',
  description: 'Triggers when a contact with the chosen tag is changed, e.g. tagged.',
  inputFields: [
    {
      key: 'tag',
      label: 'Tag',
      required: true,
      helpText: 'As it is named under Settings → Tags in Callbell; case does not matter.',
    },
  ],
  // Callbell's tags ignore case (contacts_api/get_contacts.md, `tags`).
  matches: (contact, bundle) => {
    const tag = optionalText(bundle.inputData.tag)?.toLowerCase();
    return tag !== undefined && contact.tags.some((one) => one.trim().toLowerCase() === tag);
  },
  sample: { tags: ['Lead', 'VIP'] },
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: HookExample = { input: { tag: 'lead' }, event: 'contact_updated' };
