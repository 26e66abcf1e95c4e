import { countRequests, type AppUnderTest } from '../../scripts/lib/request-scenarios';
import { builtApp, useSandbox } from './helpers';

const sandbox = useSandbox();

describe('requests per operation', () => {
  it('every operation makes the fewest requests Callbell allows, and each example the ones it declares', async () => {
    const rows = await countRequests(builtApp as unknown as AppUnderTest, sandbox());
    expect(rows.length).toBeGreaterThan(20);
    for (const { operation, requests, minimum, sent, expected } of rows) {
      expect({ operation, requests }).toEqual({ operation, requests: minimum });
      if (expected) expect({ operation, sent }).toEqual({ operation, sent: expected });
    }
  });
});
