import {
  HookService,
  REQUESTS_PER_SECOND,
  requestBundle,
  type HookRequest,
  type HookTarget,
} from '../../../scripts/lib/simulation/hook-service';
import { Prng } from '../../../scripts/lib/simulation/prng';

interface TestZap extends HookTarget {
  path: string;
}

function serviceWith(...zaps: TestZap[]) {
  const runs: [TestZap, HookRequest][] = [];
  const service = new HookService<TestZap>(
    new Prng(3),
    (path) => zaps.find((zap) => zap.path === path),
    (zap, request) => void runs.push([zap, request]),
  );
  return { service, runs };
}

const post = (path: string, sender: HookRequest['sender'] = 'app'): HookRequest => ({
  path,
  query: {},
  headers: { 'content-type': 'application/json' },
  text: '{"event":"message_created","payload":{}}',
  sender,
});

describe("the simulation's Zapier hook service", () => {
  it('runs a Zap that is on, and answers 200 at once', () => {
    const zap: TestZap = { path: '/hooks/standard/1/a/', state: 'on' };
    const { service, runs } = serviceWith(zap);
    expect(service.receive(post(zap.path)).status).toBe(200);
    expect(runs).toEqual([[zap, post(zap.path)]]);
  });

  it.each(['off', 'deleted', 'new'] as const)(
    'answers 410 and runs nothing once the Zap is %s',
    (state) => {
      const zap: TestZap = { path: '/hooks/standard/1/a/', state };
      const { service, runs } = serviceWith(zap);
      expect(service.receive(post(zap.path)).status).toBe(410);
      expect(runs).toEqual([]);
    },
  );

  it('answers 410 from the moment the Zap is turned off', () => {
    const zap: TestZap = { path: '/hooks/standard/1/a/', state: 'on' };
    const { service } = serviceWith(zap);
    expect(service.receive(post(zap.path)).status).toBe(200);
    zap.state = 'off';
    expect(service.receive(post(zap.path)).status).toBe(410);
    expect(service.posts.map((sent) => sent.status)).toEqual([200, 410]);
  });

  it('answers 404 for a URL that is no Zap', () => {
    const { service } = serviceWith();
    expect(service.receive(post('/hooks/standard/1/none/')).status).toBe(404);
  });

  it("throttles the app's posts when told to, never Callbell's", () => {
    const zap: TestZap = { path: '/hooks/standard/1/a/', state: 'on' };
    const { service, runs } = serviceWith(zap);
    service.throttleRate = 1;
    expect(service.receive(post(zap.path, 'app')).status).toBe(429);
    expect(service.receive(post(zap.path, 'callbell')).status).toBe(200);
    expect(runs).toHaveLength(1);
  });

  it(`answers 429 past ${REQUESTS_PER_SECOND} posts to one URL in a second`, () => {
    jest.useFakeTimers({ now: 0 });
    try {
      const zap: TestZap = { path: '/hooks/standard/1/a/', state: 'on' };
      const { service } = serviceWith(zap);
      const statuses = [...Array(REQUESTS_PER_SECOND + 1)].map(
        () => service.receive(post(zap.path)).status,
      );
      expect(statuses.filter((status) => status === 200)).toHaveLength(REQUESTS_PER_SECOND);
      expect(statuses.at(-1)).toBe(429);
      jest.setSystemTime(1_000);
      expect(service.receive(post(zap.path)).status).toBe(200);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('the request a Zap run sees', () => {
  it('hands the parsed body with the query string, and the raw request with Zapier header names', () => {
    const bundle = requestBundle({
      path: '/hooks/standard/1/a/',
      query: { sig: 'abc' },
      headers: { 'content-type': 'application/json', 'x-relay-signature': 's1' },
      text: '{"event":"contact_created","payload":{"uuid":"u"}}',
      sender: 'app',
    });
    expect(bundle).toEqual({
      cleanedRequest: {
        event: 'contact_created',
        payload: { uuid: 'u' },
        querystring: { sig: 'abc' },
      },
      rawRequest: {
        method: 'POST',
        querystring: 'sig=abc',
        headers: { 'Content-Type': 'application/json', 'Http-X-Relay-Signature': 's1' },
        content: '{"event":"contact_created","payload":{"uuid":"u"}}',
      },
    });
  });

  it('hands a body that is not a JSON object as it came', () => {
    expect(requestBundle({ ...post('/p'), text: 'ok' }).cleanedRequest).toBe('ok');
    expect(requestBundle({ ...post('/p'), text: '[1]' }).cleanedRequest).toEqual([1]);
  });
});
