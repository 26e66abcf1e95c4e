import type { ZObject } from 'zapier-platform-core';
import { callbell, type QueryValue, type Subject } from '../client/request';

/** One page of one of Callbell's lists: `GET path?page=n` answering `{[key]: [...], meta}`. */
export interface PageRequest {
  path: string;
  /** The answer's key that holds the list, e.g. "channels". */
  key: string;
  /** Callbell's pages count from 1. */
  page: number;
  params?: Record<string, QueryValue>;
  about: Subject;
}

export interface Page<T> {
  items: T[];
  /** How many pages Callbell has; 1 when it does not say. */
  pages: number;
}

interface PageAnswer {
  meta?: { page?: number; pages?: number };
}

export async function fetchPage<T>(
  z: ZObject,
  { path, key, page, params = {}, about }: PageRequest,
): Promise<Page<T>> {
  const answer = await callbell<PageAnswer & Record<string, unknown>>(z, {
    path,
    params: { ...params, page },
    about,
  });
  const items = answer[key];
  return { items: Array.isArray(items) ? (items as T[]) : [], pages: answer.meta?.pages ?? 1 };
}

/** The items of one page; past the last page, nothing, so a dropdown's "load more" stops. */
export async function listPage<T>(z: ZObject, request: PageRequest): Promise<T[]> {
  const { items, pages } = await fetchPage<T>(z, request);
  return request.page > pages ? [] : items;
}
