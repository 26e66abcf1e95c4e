import type { Bundle } from 'zapier-platform-core';

/**
 * A whole bundle as Zapier hands one to a hook trigger's perform, for tests that call perform
 * directly (thousands of times, where the app tester would be too slow).
 */
export function deliveryBundle(
  cleanedRequest: unknown,
  inputData: Record<string, unknown>,
): Bundle {
  return {
    authData: {},
    inputData,
    inputDataRaw: {},
    cleanedRequest,
    meta: {
      isBulkRead: false,
      isFillingDynamicDropdown: false,
      isLoadingSample: false,
      isPopulatingDedupe: false,
      isTestingAuth: false,
      limit: -1,
      page: 0,
      timezone: null,
      inputFields: {},
    },
  };
}
