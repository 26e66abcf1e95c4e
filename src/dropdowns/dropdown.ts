import type { Bundle, Trigger, ZObject } from 'zapier-platform-core';
import { callbell, type QueryValue } from '../client/request';

/** One option of a dynamic dropdown: what is stored (`id`) and what the user reads (`name`). */
export interface Choice {
  id: string;
  name: string;
}

interface DropdownSpec {
  key: string;
  noun: string;
  /** The options of one page (Callbell's pages count from 1). */
  list: (z: ZObject, page: number) => Promise<Choice[]>;
  /** Whether Callbell paginates the list, so the dropdown offers "load more". */
  paginated: boolean;
}

/** A hidden polling trigger that feeds a dynamic dropdown. */
export function dropdownTrigger({ key, noun, list, paginated }: DropdownSpec): Trigger {
  return {
    key,
    noun,
    display: {
      label: `List ${noun}s`,
      description: `Lists ${noun.toLowerCase()}s for dropdowns.`,
      hidden: true,
    },
    operation: {
      type: 'polling',
      canPaginate: paginated,
      perform: (z: ZObject, bundle: Bundle) => list(z, (bundle.meta?.page ?? 0) + 1),
    },
  };
}

interface PageAnswer {
  meta?: { page?: number; pages?: number };
}

export interface Page<T> {
  items: T[];
  /** How many pages Callbell has; 1 when it does not say. */
  pages: number;
}

/** One page of a Callbell list (pages count from 1). */
export async function fetchPage<T>(
  z: ZObject,
  path: string,
  key: string,
  page: number,
  params: Record<string, QueryValue> = {},
): Promise<Page<T>> {
  const answer = await callbell<PageAnswer & Record<string, unknown>>(z, {
    path,
    params: { ...params, page },
  });
  const items = answer[key];
  return { items: Array.isArray(items) ? (items as T[]) : [], pages: answer.meta?.pages ?? 1 };
}

/** The items of one page; past the last page, nothing, so the dropdown's "load more" stops. */
export async function listPage<T>(
  z: ZObject,
  path: string,
  key: string,
  page: number,
  params: Record<string, QueryValue> = {},
): Promise<T[]> {
  const { items, pages } = await fetchPage<T>(z, path, key, page, params);
  return page > pages ? [] : items;
}
