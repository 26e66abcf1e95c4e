import type { ZObject } from 'zapier-platform-core';
import { templatePage, templatePreview, type Template } from '../api/templates';
import { stringOrNull } from '../values';
import { dropdownTrigger } from './dropdown-trigger';
import type { Example } from '../example';

/** Callbell pages read for one page of the dropdown at most, so a load ends well within 30 s. */
const MAX_PAGES_PER_LOAD = 5;

function choice(template: Template) {
  return {
    id: template.uuid,
    name: `${stringOrNull(template.title) ?? template.uuid}: ${templatePreview(stringOrNull(template.text) ?? undefined)}`,
  };
}

/**
 * Where the next dropdown page starts reading Callbell's pages. Pages are read past when they
 * hold no approved template (an empty dropdown page would end "load more"), so after such a
 * skip the next page no longer starts at Callbell's page of the same number: the offset is
 * kept with z.cursor, Zapier's store for paging triggers (cli README "z.cursor"). Offsets only
 * grow, so it is stored only once a page was skipped.
 */
async function startPage(z: ZObject, dropdownPage: number): Promise<number> {
  if (dropdownPage === 1) return 1;
  return Number(await z.cursor.get()) || dropdownPage;
}

async function rememberNext(z: ZObject, dropdownPage: number, next: number): Promise<void> {
  if (next !== dropdownPage + 1) await z.cursor.set(String(next));
}

/** Approved templates only (WhatsApp refuses the others), a page of the dropdown at a time. */
export const templateListDropdown = dropdownTrigger({
  key: 'template_list',
  noun: 'Template',
  paginated: true,
  list: async (z, dropdownPage) => {
    let page = await startPage(z, dropdownPage);
    for (let read = 0; read < MAX_PAGES_PER_LOAD; read += 1) {
      const { items, pages } = await templatePage(z, page);
      if (page > pages) return [];
      const approved = items.filter((template) => template.status === 'approved');
      page += 1;
      if (approved.length || page > pages) {
        await rememberNext(z, dropdownPage, page);
        return approved.map(choice);
      }
    }
    // Five pages in a row without an approved template: this load ends the list.
    await rememberNext(z, dropdownPage, page);
    return [];
  },
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: {},
  requests: ['GET /templates'],
};
