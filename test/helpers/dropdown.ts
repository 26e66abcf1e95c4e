import type { DropdownTrigger } from '../../src/dropdowns/dropdown-trigger';
import { appTester, bundleWith } from './app';

/** Runs a dropdown as the Zap editor does, for a 0-based page. */
export function fill(trigger: DropdownTrigger, page = 0) {
  return appTester(
    trigger.operation.perform,
    bundleWith({}, { meta: { page, isFillingDynamicDropdown: true } }),
  );
}
