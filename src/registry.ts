import type { Create, Search, SearchOrCreate, Trigger } from 'zapier-platform-core';

/** Every operation the app offers, keyed by its public key (a contract: live Zaps use it). */
function byKey<T extends { key: string }>(operations: T[]): Record<string, T> {
  return Object.fromEntries(operations.map((operation) => [operation.key, operation]));
}

export const triggers: Record<string, Trigger> = byKey<Trigger>([]);
export const creates: Record<string, Create> = byKey<Create>([]);
export const searches: Record<string, Search> = byKey<Search>([]);
export const searchOrCreates: Record<string, SearchOrCreate> = {};
