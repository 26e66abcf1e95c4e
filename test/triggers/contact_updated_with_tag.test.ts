import { contactUpdatedWithTagTrigger } from '../../src/triggers/contact_updated_with_tag';
import { itBehavesLikeAContactUpdateScenario } from '../helpers/contact-update-scenario';

describe('contact_updated_with_tag', () => {
  // Callbell's tags ignore case: "vip" matches the tag "VIP".
  itBehavesLikeAContactUpdateScenario(contactUpdatedWithTagTrigger, {
    inputData: { tag: 'vip' },
    matching: { tags: ['Lead', 'VIP'] },
    other: { tags: ['Lead'] },
  });
});
