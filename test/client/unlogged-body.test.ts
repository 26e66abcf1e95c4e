import nock from 'nock';
import type { ZObject } from 'zapier-platform-core';
import { unloggedJsonBody } from '../../src/client/unlogged-body';
import { forwardDelivery } from '../../src/webhooks/fan-out';
import { appTester, bundleWith } from '../helpers/app';

const HOOKS = 'https://hooks.zapier.com';
const ZAP = `${HOOKS}/hooks/standard/42/other/`;
/** A customer's words, with template text core would refuse in a body it inspects. */
const CONTENT = 'My card is 4111 1111 1111 1111, see {{bundle.inputData.x}}';
const RELAY = {
  secret: 'a'.repeat(64),
  id: 'event-1',
  delivery: { event: 'message_created' as const, payload: { text: CONTENT } },
};

/** What core writes to the step's log (its stdout copy, the same text it sends to Zapier). */
async function logged(run: (z: ZObject) => Promise<unknown>) {
  process.env.LOG_TO_STDOUT = 'true';
  process.env.DETAILED_LOG_TO_STDOUT = 'true';
  const lines: string[] = [];
  jest.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
  try {
    const result = await appTester(run, bundleWith());
    return { result, log: lines.join('\n') };
  } finally {
    delete process.env.LOG_TO_STDOUT;
    delete process.env.DETAILED_LOG_TO_STDOUT;
    jest.restoreAllMocks();
  }
}

describe("forwards stay out of core's request log", () => {
  it('a forward is delivered whole, and the log has its URL and status but not the message', async () => {
    const scope = nock(HOOKS)
      .post(
        '/hooks/standard/42/other/',
        (body: { payload?: { text?: string }; callbell_zapier_relay?: unknown }) =>
          body.payload?.text === CONTENT && body.callbell_zapier_relay !== undefined,
      )
      .matchHeader('content-type', 'application/json; charset=utf-8')
      .reply(200, { status: 'success' });
    const { result, log } = await logged((z) => forwardDelivery(z, [ZAP], RELAY));
    expect(result).toEqual([{ url: ZAP, outcome: 'delivered' }]);
    expect(log).toContain(`POST ${ZAP}`);
    expect(log).toContain('<streaming data>');
    expect(log).not.toContain('4111');
    scope.done();
  });

  it('the log would hold it as a plain body (the check above can fail)', async () => {
    const scope = nock(HOOKS).post('/hooks/standard/42/other/').reply(200, {});
    const { log } = await logged((z) =>
      z.request({ method: 'POST', url: ZAP, body: { text: '4111 1111 1111 1111' } }),
    );
    expect(log).toContain('4111 1111 1111 1111');
    scope.done();
  });

  it('sends the JSON with its length', () => {
    const { headers } = unloggedJsonBody({ text: 'é' });
    expect(headers).toEqual({
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength('{"text":"é"}')),
    });
  });
});
