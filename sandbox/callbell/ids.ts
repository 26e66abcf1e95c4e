import { randomBytes } from 'node:crypto';

/** A 32-hex uuid, the shape of Callbell's ids. */
export function newUuid(): string {
  return randomBytes(16).toString('hex');
}

export function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
