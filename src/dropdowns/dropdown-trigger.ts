import type { Bundle, ZObject } from 'zapier-platform-core';

/** One option of a dynamic dropdown: what is stored (`id`) and what the user reads (`name`). */
export interface Choice {
  id: string;
  name: string;
}

interface DropdownSpec {
  key: string;
  noun: string;
  /** The noun's plural, where adding an "s" is wrong. */
  plural?: string;
  /**
   * The options of one page (Callbell's pages count from 1). `bundle.inputData` holds what the
   * step being set up has filled in so far (a dropdown may depend on another field).
   */
  list: (z: ZObject, page: number, bundle: Bundle) => Promise<Choice[]>;
  /** Whether Callbell paginates the list, so the dropdown offers "load more". */
  paginated: boolean;
}

/**
 * A hidden polling trigger that feeds a dynamic dropdown. Callbell's lists are read as they
 * come, so an item without a usable id (missing, or not text) is left out, not offered.
 */
export function dropdownTrigger({ key, noun, plural = `${noun}s`, list, paginated }: DropdownSpec) {
  const perform = async (z: ZObject, bundle: Bundle): Promise<Choice[]> =>
    (await list(z, (bundle.meta?.page ?? 0) + 1, bundle)).filter(isChoice);
  return {
    key,
    noun,
    display: {
      label: `List ${plural}`,
      description: `Lists ${plural.toLowerCase()} for dropdowns.`,
      hidden: true,
    },
    operation: { type: 'polling' as const, canPaginate: paginated, perform },
  };
}

function isChoice(choice: Choice): boolean {
  return typeof choice.id === 'string' && choice.id !== '' && typeof choice.name === 'string';
}

export type DropdownTrigger = ReturnType<typeof dropdownTrigger>;
