import { listTemplates, templatePreview } from '../api/templates';
import { stringOrNull } from '../values';
import { dropdownTrigger } from './dropdown-trigger';

/** Approved templates only: WhatsApp refuses the others. */
export const templateList = dropdownTrigger({
  key: 'template_list',
  noun: 'Template',
  paginated: true,
  list: async (z, page) => {
    const templates = await listTemplates(z, page);
    return templates
      .filter((template) => template.status === 'approved')
      .map((template) => ({
        id: template.uuid,
        name: `${stringOrNull(template.title) ?? template.uuid}: ${templatePreview(stringOrNull(template.text) ?? undefined)}`,
      }));
  },
});
