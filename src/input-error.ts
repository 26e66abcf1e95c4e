import { errors } from 'zapier-platform-core';
import { MAX_MESSAGE_LENGTH, shorten } from './user-message';

/** The code Zapier shows with every input error, so Zap authors can tell them apart. */
export const INPUT_ERROR_CODE = 'InvalidInput';

/**
 * Bad input found before any request is sent. The message names the field (by the label the
 * Zap author sees), the value and what to do about it.
 *
 * It is a `z.errors.Error` (core's AppError), so Zapier shows the message as written: other
 * errors, HaltedError included, get core's "What happened … bundle" appendix (core
 * `src/middleware.js`, `doNotContextify`). Core stores the message as JSON
 * `{message, code, status}`; `text` keeps it as the Zap author reads it, within 250 characters.
 */
export class InputError extends errors.Error {
  readonly text: string;

  constructor(fieldLabel: string, problem: string) {
    const text = shorten(`${fieldLabel}: ${problem}`, MAX_MESSAGE_LENGTH);
    super(text, INPUT_ERROR_CODE, 400);
    this.text = text;
  }
}
