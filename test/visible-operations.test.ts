import { MAX_MESSAGE_LENGTH } from '../src/user-message';
import { toE164 } from '../src/phone';
import { creates, searches, triggers } from '../src/operations';
import { appTester, bundleWith } from './helpers/app';
import { flatten } from './helpers/publishing-rules';
import type { Perform } from '../src/operations';

interface Visible {
  key: string;
  display: { hidden?: boolean };
  operation: { sample?: object; perform?: unknown };
}

const visible = (group: Record<string, Visible>) =>
  Object.values(group).filter((operation) => operation.display.hidden !== true);

const samples = [...visible(triggers), ...visible(creates), ...visible(searches)].map(
  (operation) => [operation.key, flatten({ ...operation.operation.sample })] as const,
);

/** Keys whose values are phone numbers: Callbell's digits, or E.164. */
const PHONE_KEY = /(^|__)(phoneNumber|phone|to|from)$/;

/** The text a user reads: an AppError's message, or core's own before its appendix. */
function shownText(error: Error): { text: string; code?: string } {
  if (error.name === 'AppError') {
    const { message, code } = JSON.parse(error.message) as { message: string; code: string };
    return { text: message, code };
  }
  return { text: error.message.split('\nWhat happened')[0] ?? '' };
}

describe('every visible operation (samples)', () => {
  it.each(samples)('%s: its sample phone numbers are ones Send Message accepts', (_, flat) => {
    const phones = Object.entries(flat).filter(
      ([key, value]) => PHONE_KEY.test(key) && typeof value === 'string' && /^\+?\d+$/.test(value),
    );
    for (const [key, value] of phones) {
      expect([
        key,
        toE164({ value: `+${String(value).replace(/^\+/, '')}`, fieldLabel: key }),
      ]).toEqual([key, expect.stringMatching(/^\+\d+$/)]);
    }
  });
});

describe('every visible action and search (error paths)', () => {
  const steps = [...visible(creates), ...visible(searches)].map(
    (operation) => [operation.key, operation.operation.perform as Perform] as const,
  );

  it.each(steps)(
    '%s with nothing filled in is refused before any request, clearly and within 250 characters',
    async (_, perform) => {
      const error = await appTester(perform, bundleWith({})).then(
        () => new Error('expected a refusal'),
        (thrown: Error) => thrown,
      );
      expect(error.name).toBe('AppError');
      const { text, code } = shownText(error);
      expect(code).toBe('InvalidInput');
      expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
      expect(text).toMatch(/^[A-Z][^:]+: [a-z"]/);
    },
  );
});
