import { notFound, paginate, route, type Route } from '../http';
import { seed, type SeedTemplate } from '../seed';

export function template(uuid: unknown): SeedTemplate {
  const found = seed.templates.find((candidate) => candidate.uuid === uuid);
  if (!found) throw notFound('Template');
  return found;
}

export const templateRoutes: Route[] = [
  // docs/api/reference/template_messages_api/get_templates.md
  route('GET', '/templates', ({ query }) => {
    const { items, meta } = paginate(seed.templates, query);
    return { templates: items, meta };
  }),
  // docs/api/reference/template_messages_api/get_template.md: an object as the example, or a
  // one-element list as the Response table's `Template[]` (quirks.templateAnswer).
  route('GET', '/templates/:id', ({ params, quirks }) => {
    const found = template(params[0]);
    return { template: quirks.templateAnswer === 'list' ? [found] : found };
  }),
];
