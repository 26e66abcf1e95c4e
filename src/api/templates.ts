import type { ZObject } from 'zapier-platform-core';
import { pathId } from '../client/path';
import { callbell } from '../client/request';
import { unwrapOne } from '../client/unwrap';
import { fetchPage, type Page } from './pages';

export interface Template {
  uuid: string;
  title?: string;
  templateType?: 'text' | 'image' | 'video' | 'document' | string;
  category?: string;
  status?: string;
  text?: string;
}

export const MEDIA_TEMPLATE_TYPES = ['image', 'video', 'document'];

/**
 * GET /templates/:uuid (template_messages_api/get_template.md): the Response table types
 * `template` as `Template[]`, the example answers one object. Both read the same.
 */
export async function getTemplate(z: ZObject, uuid: string): Promise<Template> {
  const answer = await callbell<{ template: Template | Template[] }>(z, {
    path: `/templates/${pathId(uuid, { label: 'Template', from: 'input' })}`,
    about: { action: 'read templates', thing: 'template', id: uuid },
    expects: { key: 'template', as: 'record' },
  });
  return unwrapOne(answer.template, 'template');
}

/** One page of the account's templates and how many pages there are (pages count from 1). */
export function templatePage(z: ZObject, page: number): Promise<Page<Template>> {
  return fetchPage<Template>(z, {
    path: '/templates',
    key: 'templates',
    page,
    about: READ_TEMPLATES,
  });
}

const READ_TEMPLATES = { action: 'read templates', thing: 'template' };

/** The placeholder numbers of a template text ("Hi {{1}}, order {{2}}" → [1, 2]). */
export function placeholderNumbers(text: string | undefined): number[] {
  const numbers = [...(text ?? '').matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((match) =>
    Number(match[1]),
  );
  return [...new Set(numbers)].sort((a, b) => a - b);
}

/** The words around a placeholder, so the Zap author sees what the value fills in. */
export function placeholderContext(text: string, number: number, width = 30): string {
  const match = new RegExp(`\\{\\{\\s*${number}\\s*\\}\\}`).exec(text);
  if (!match) return `{{${number}}}`;
  const before = text.slice(0, match.index);
  const after = text.slice(match.index + match[0].length);
  const head = before.length > width ? `…${before.slice(-width).replace(/^\S*\s/, '')}` : before;
  const tail = after.length > width ? `${after.slice(0, width).replace(/\s\S*$/, '')}…` : after;
  return `${head}{{${number}}}${tail}`.replace(/\s+/g, ' ');
}

/** A one-line preview of a template's text for dropdowns, cut at a word. */
export function templatePreview(text: string | undefined, length = 60): string {
  const line = (text ?? '').replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length).replace(/\s\S*$/, '')}…` : line;
}
