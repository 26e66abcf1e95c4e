import type { LookupAddress } from 'node:dns';
import {
  InternalAddressError,
  isInternalHostLiteral,
  isPublicAddress,
  publicOnlyLookup,
} from '../../src/client/public-address';

/** Addresses on Zapier's side of the network, every form included. */
const INTERNAL = [
  '0.0.0.0',
  '0.1.2.3',
  '10.0.0.1',
  '100.64.0.1',
  '100.100.100.200',
  '127.0.0.1',
  '127.0.0.2',
  '169.254.169.254',
  '169.254.170.2',
  '172.16.0.1',
  '172.31.255.255',
  '192.0.0.192',
  '192.168.1.1',
  '198.18.0.1',
  '224.0.0.1',
  '255.255.255.255',
  '168.63.129.16',
  '::',
  '::1',
  '::127.0.0.1',
  '::ffff:7f00:1',
  '::ffff:127.0.0.1',
  '::ffff:169.254.169.254',
  '::ffff:a9fe:a9fe',
  '::ffff:10.0.0.1',
  '64:ff9b::a9fe:a9fe',
  '64:ff9b::127.0.0.1',
  'fc00::1',
  'fd00:ec2::254',
  'fe80::1',
  'fec0::1',
  'ff02::1',
  '2001:db8::1',
  'not an address',
];

const PUBLIC = [
  '93.184.216.34',
  '8.8.8.8',
  '172.32.0.1',
  '100.128.0.1',
  '2606:2800:220:1::1',
  '::ffff:93.184.216.34',
  '64:ff9b::808:808',
];

describe('isPublicAddress', () => {
  it.each(INTERNAL)('%s is internal', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(PUBLIC)('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('isInternalHostLiteral: names refused without asking DNS', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST.', true],
    ['a.localhost', true],
    ['metadata.google.internal', true],
    ['printer.local', true],
    ['127.0.0.1', true],
    ['::1', true],
    ['files.example-cdn.com', false],
    ['internal.example.com', false],
    ['93.184.216.34', false],
  ])('%s → %s', (host, internal) => {
    expect(isInternalHostLiteral(host)).toBe(internal);
  });
});

/** publicOnlyLookup through node's own resolver (IP literals resolve without the network). */
function lookup(host: string, all: boolean) {
  return new Promise<{ error: Error | null; address: string | LookupAddress[] }>((resolve) =>
    publicOnlyLookup(host, { all }, (error, address) => resolve({ error, address })),
  );
}

describe('publicOnlyLookup: what a connection may use, checked when it connects', () => {
  it.each([
    ['127.0.0.1', false],
    ['169.254.169.254', true],
    ['::1', false],
    ['::ffff:127.0.0.1', true],
  ])('refuses %s (all: %s)', async (host, all) => {
    const { error } = await lookup(host, all);
    expect(error).toBeInstanceOf(InternalAddressError);
  });

  it.each([
    ['93.184.216.34', false, '93.184.216.34'],
    ['93.184.216.34', true, [{ address: '93.184.216.34', family: 4 }]],
  ])('passes %s on (all: %s)', async (host, all, expected) => {
    const { error, address } = await lookup(host, all);
    expect(error).toBeNull();
    expect(address).toEqual(expected);
  });
});
