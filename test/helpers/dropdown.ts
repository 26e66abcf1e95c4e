import type { Bundle, Trigger, ZObject } from 'zapier-platform-core';
import { appTester, bundleWith } from './app';

export type Choice = { id: string; name: string };

/** Runs a dropdown as the Zap editor does, for a 0-based page. */
export function fill(trigger: Trigger, page = 0) {
  const { perform } = trigger.operation as unknown as {
    perform: (z: ZObject, bundle: Bundle) => Promise<Choice[]>;
  };
  return appTester(
    perform,
    bundleWith({}, { meta: { page, isFillingDynamicDropdown: true } } as Partial<Bundle>),
  );
}
