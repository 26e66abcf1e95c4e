import { errors } from 'zapier-platform-core';
import { MAX_MESSAGE_LENGTH, shorten } from './user-message';

/**
 * Bad input found before any request is sent. The message names the field (by the label the
 * Zap author sees), the value and what to do about it.
 *
 * It is a `z.errors.Error` (core's AppError): Zapier shows its message as it is, where any
 * other error gets core's "What happened" appendix and, in production, the console log.
 */
export class InputError extends errors.Error {
  /** The message as the Zap author reads it (AppError keeps it JSON-encoded in `message`). */
  readonly text: string;

  constructor(fieldLabel: string, problem: string) {
    const text = shorten(`${fieldLabel}: ${problem}`, MAX_MESSAGE_LENGTH);
    super(text, 'InvalidInput');
    this.text = text;
  }
}
