/**
 * A seeded pseudo-random generator (mulberry32): the same seed draws the same numbers on every
 * machine, so a schedule that fails can be replayed from its seed alone.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Some of the items (each kept with this probability), in their order. */
  some<T>(items: readonly T[], probability: number): T[] {
    return items.filter(() => this.chance(probability));
  }

  /** A hex string of this many digits, for hook URLs and keys. */
  hex(digits: number): string {
    let text = '';
    while (text.length < digits) text += this.int(0, 15).toString(16);
    return text;
  }

  /** A new generator whose numbers depend on this one's seed and the label only. */
  static forSchedule(seed: number, schedule: number): Prng {
    return new Prng(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(schedule + 1, 0xc2b2ae35));
  }
}
