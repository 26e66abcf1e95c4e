/**
 * Bad input found before any request is sent. The message names the field (by the label the
 * Zap author sees), the value and what to do about it.
 */
export class InputError extends Error {
  constructor(fieldLabel: string, problem: string) {
    super(`${fieldLabel}: ${problem}`);
    this.name = 'InputError';
  }
}
