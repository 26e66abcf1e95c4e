/** One page of a Callbell list; `pages` only when Callbell says how many (`meta.pages`). */
export interface ListPage<T> {
  items: T[];
  pages?: number;
}

export interface PageWalk<T> {
  /** A guard against a list that never ends: at most this many requests. */
  maxPages: number;
  /** What makes two items the same, so a page read twice adds nothing. */
  keyOf: (item: T) => string;
  /** Stop early once the items read so far are enough. */
  enough?: (items: T[]) => boolean;
}

/** The items read and whether they are the whole list. */
export interface Walked<T> {
  items: T[];
  complete: boolean;
}

/**
 * Reads pages 1, 2, … of a list whose page size Callbell does not document: it has ended when
 * Callbell's `meta.pages` says so, when a page is shorter than the first, or when a page brings
 * nothing new (an empty page, or the same page again).
 */
export async function walkPages<T>(
  read: (page: number) => Promise<ListPage<T>>,
  { maxPages, keyOf, enough }: PageWalk<T>,
): Promise<Walked<T>> {
  const seen = new Set<string>();
  const items: T[] = [];
  let firstPageSize = 0;
  for (let page = 1; page <= maxPages; page += 1) {
    const batch = await read(page);
    const fresh = batch.items.filter((item) => {
      const key = keyOf(item);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    items.push(...fresh);
    if (page === 1) firstPageSize = batch.items.length;
    const ended =
      fresh.length === 0 ||
      (batch.pages !== undefined ? page >= batch.pages : batch.items.length < firstPageSize);
    if (ended) return { items, complete: true };
    if (enough?.(items)) return { items, complete: false };
  }
  return { items, complete: false };
}
