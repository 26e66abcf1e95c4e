import { Stalled, VirtualClock } from '../../../scripts/lib/simulation/virtual-clock';

const START = Date.UTC(2026, 10, 1);

describe('the virtual clock', () => {
  const clock = new VirtualClock();
  beforeEach(() => clock.install(START));
  afterEach(() => clock.uninstall());

  it('fires timers in the order they fall due, each at its own virtual time', async () => {
    const fired: [string, number][] = [];
    setTimeout(() => fired.push(['late', Date.now() - START]), 25_000);
    setTimeout(() => fired.push(['early', Date.now() - START]), 5_000);
    setImmediate(() => fired.push(['now', Date.now() - START]));
    await clock.pass(30_000);
    expect(fired).toEqual([
      ['now', 0],
      ['early', 5_000],
      ['late', 25_000],
    ]);
    expect(clock.now() - START).toBe(30_000);
  });

  it('runs promises and immediates between timers, so a chain ends at its virtual time', async () => {
    let endedAt: number | null = null;
    const chain = async () => {
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.resolve();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      endedAt = Date.now() - START;
    };
    void chain();
    await clock.runUntil(() => endedAt !== null, 'the chain');
    expect(endedAt).toBe(5_000);
  });

  it('says what stalled when nothing is left to run', async () => {
    await expect(clock.runUntil(() => false, 'a step that waits forever')).rejects.toThrow(
      new Stalled('a step that waits forever'),
    );
  });

  it('stalls on a timer that re-arms itself forever instead of running forever', async () => {
    const tick = () => setTimeout(tick, 1_000);
    tick();
    await expect(clock.runUntil(() => false, 'an endless poll')).rejects.toThrow(Stalled);
  });
});
