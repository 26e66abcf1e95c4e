import { listTemplates, templatePreview } from '../api/templates';
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
        name: `${template.title ?? template.uuid}: ${templatePreview(template.text)}`,
      }));
  },
});
