import { Prng } from '../../../scripts/lib/simulation/prng';

const draw = (random: Prng, count: number) => [...Array(count)].map(() => random.next());

describe('the seeded generator', () => {
  it('draws the same numbers from the same seed', () => {
    expect(draw(new Prng(42), 50)).toEqual(draw(new Prng(42), 50));
  });

  it('draws other numbers from another seed', () => {
    expect(draw(new Prng(42), 5)).not.toEqual(draw(new Prng(43), 5));
  });

  it('gives schedule N of a seed the same numbers however many schedules run', () => {
    expect(draw(Prng.forSchedule(7, 3), 10)).toEqual(draw(Prng.forSchedule(7, 3), 10));
    expect(draw(Prng.forSchedule(7, 3), 10)).not.toEqual(draw(Prng.forSchedule(7, 4), 10));
    expect(draw(Prng.forSchedule(7, 3), 10)).not.toEqual(draw(Prng.forSchedule(8, 3), 10));
  });

  it('keeps every draw in its range and reaches both ends', () => {
    const random = new Prng(1);
    const ints = [...Array(2_000)].map(() => random.int(2, 6));
    expect(new Set(ints)).toEqual(new Set([2, 3, 4, 5, 6]));
    const fractions = draw(random, 2_000);
    expect(Math.min(...fractions)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...fractions)).toBeLessThan(1);
  });

  it('picks from a list, keeps some in order, and writes hex of the length asked', () => {
    const random = new Prng(5);
    const items = ['a', 'b', 'c', 'd'];
    expect(items).toContain(random.pick(items));
    const kept = random.some(items, 0.5);
    expect(kept).toEqual(items.filter((item) => kept.includes(item)));
    expect(random.some(items, 0)).toEqual([]);
    expect(random.some(items, 1)).toEqual(items);
    expect(random.hex(32)).toMatch(/^[0-9a-f]{32}$/);
    expect(() => random.pick([])).toThrow('empty');
  });

  it('answers chance by its probability, roughly', () => {
    const random = new Prng(9);
    const hits = [...Array(10_000)].filter(() => random.chance(0.3)).length;
    expect(hits).toBeGreaterThan(2_700);
    expect(hits).toBeLessThan(3_300);
  });
});
