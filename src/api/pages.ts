import type { ZObject } from 'zapier-platform-core';
import { callbell, type QueryValue, type Subject } from '../client/request';
import { records } from '../values';

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
    expects: { key, as: 'list' },
  });
  return { items: records<T & object>(answer[key]), pages: pageCount(answer.meta?.pages) };
}

/** Callbell's page count, when it is one: a count that is no whole number means one page. */
function pageCount(pages: unknown): number {
  return typeof pages === 'number' && Number.isSafeInteger(pages) && pages >= 1 ? pages : 1;
}

/** The items of one page; past the last page, nothing, so a dropdown's "load more" stops. */
export async function listPage<T>(z: ZObject, request: PageRequest): Promise<T[]> {
  const { items, pages } = await fetchPage<T>(z, request);
  return request.page > pages ? [] : items;
}
