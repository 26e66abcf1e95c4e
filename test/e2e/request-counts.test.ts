import { countRequests, type AppUnderTest } from '../../scripts/lib/request-scenarios';
import { builtApp, useSandbox } from './helpers';

const sandbox = useSandbox();

describe('requests per operation', () => {
  it('every operation makes the fewest requests Callbell allows', async () => {
    const rows = await countRequests(builtApp as unknown as AppUnderTest, sandbox());
    expect(rows.length).toBeGreaterThan(20);
    for (const { operation, requests, minimum } of rows) {
      expect({ operation, requests }).toEqual({ operation, requests: minimum });
    }
  });
});
