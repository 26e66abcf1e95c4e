import {
  promises as dns,
  type LookupAddress,
  type LookupAllOptions,
  type LookupOneOptions,
  type LookupOptions,
} from 'node:dns';

/** A name DNS never answers for, in every fakeDns. */
export const HANGING_NAME = 'dns-never-answers.example.com';

/**
 * DNS for a test: each name answers the addresses given, HANGING_NAME never answers, every
 * other name is not found, and nothing leaves the machine. Replaces `dns.promises.lookup`
 * until jest restores its mocks.
 */
export function fakeDns(names: Record<string, string[]>): void {
  function lookup(hostname: string, family: number): Promise<LookupAddress>;
  function lookup(hostname: string, options: LookupOneOptions): Promise<LookupAddress>;
  function lookup(hostname: string, options: LookupAllOptions): Promise<LookupAddress[]>;
  function lookup(
    hostname: string,
    options: LookupOptions,
  ): Promise<LookupAddress | LookupAddress[]>;
  function lookup(hostname: string): Promise<LookupAddress>;
  async function lookup(
    hostname: string,
    options?: number | LookupOptions,
  ): Promise<LookupAddress | LookupAddress[]> {
    if (hostname === HANGING_NAME) return new Promise<never>(() => undefined);
    const addresses = (names[hostname] ?? []).map((address): LookupAddress => ({
      address,
      family: address.includes(':') ? 6 : 4,
    }));
    const [first] = addresses;
    if (!first) {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    }
    return typeof options === 'object' && options.all ? addresses : first;
  }
  jest.spyOn(dns, 'lookup').mockImplementation(lookup);
}
