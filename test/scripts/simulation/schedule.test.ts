import { Prng } from '../../../scripts/lib/simulation/prng';
import {
  drawSchedule,
  FAULT_KINDS,
  type Action,
  type FaultKind,
} from '../../../scripts/lib/simulation/schedule';

const TRIGGERS = ['message_created', 'contact_created', 'new_event', 'not_an_event'];

/** The fault kind an action needs, if any. */
const NEEDS: Partial<Record<Action['type'], FaultKind>> = {
  'rotate key': 'key rotation',
  'delete owner': 'owner deleted',
  'forget keys': 'cache forgets',
  'major version': 'major version',
};

const schedules = [...Array(300).keys()].map((index) =>
  drawSchedule(Prng.forSchedule(9, index), TRIGGERS),
);

describe('drawn schedules', () => {
  it('only take actions of the fault kinds they drew', () => {
    for (const { kinds, actions } of schedules)
      for (const action of actions) {
        const needed = NEEDS[action.type];
        if (needed) expect(kinds).toContain(needed);
      }
  });

  it('turn every Zap on first, at once only with bulk on/off', () => {
    for (const { kinds, zaps, actions } of schedules) {
      const all = zaps.map((_zap, index) => index);
      const first = actions.slice(0, kinds.includes('bulk on/off') ? 1 : zaps.length);
      expect(first.flatMap((action) => (action.type === 'turn' ? action.zaps : []))).toEqual(all);
    }
  });

  it('set each Zap up with events its trigger gives, and skip triggers they do not know', () => {
    for (const { zaps, connections } of schedules) {
      expect(zaps.length).toBeGreaterThanOrEqual(2);
      expect(zaps.length).toBeLessThanOrEqual(6);
      for (const zap of zaps) {
        expect(zap.trigger).not.toBe('not_an_event');
        expect(zap.wants.length).toBeGreaterThan(0);
        expect(zap.connection).toBeLessThan(connections);
        if (zap.trigger === 'new_event') expect(zap.inputData).toEqual({ events: zap.wants });
        else expect(zap.wants).toEqual([zap.trigger]);
      }
    }
  });

  it('draw every fault kind, and some schedules with none', () => {
    const drawn = new Set(schedules.flatMap((schedule) => schedule.kinds));
    expect([...drawn].sort()).toEqual([...FAULT_KINDS].sort());
    expect(schedules.some((schedule) => schedule.kinds.length === 0)).toBe(true);
  });
});
