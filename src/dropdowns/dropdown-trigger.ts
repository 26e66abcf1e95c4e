import type { Bundle, ZObject } from 'zapier-platform-core';

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
export function dropdownTrigger({ key, noun, list, paginated }: DropdownSpec) {
  const perform = (z: ZObject, bundle: Bundle): Promise<Choice[]> =>
    list(z, (bundle.meta?.page ?? 0) + 1);
  return {
    key,
    noun,
    display: {
      label: `List ${noun}s`,
      description: `Lists ${noun.toLowerCase()}s for dropdowns.`,
      hidden: true,
    },
    operation: { type: 'polling' as const, canPaginate: paginated, perform },
  };
}

export type DropdownTrigger = ReturnType<typeof dropdownTrigger>;
