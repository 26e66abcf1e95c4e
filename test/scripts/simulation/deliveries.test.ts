import { createAppTester } from 'zapier-platform-core';
import App from '../../../index';
import { CALLBELL_EVENTS } from '../../../scripts/lib/simulation/callbell';
import {
  DELIVERY_MARKER,
  deliveryMarker,
  forgeryMarker,
  itemsHolding,
  markedDelivery,
} from '../../../scripts/lib/simulation/deliveries';
import { Prng } from '../../../scripts/lib/simulation/prng';
import { stepOf, type SimulatedApp } from '../../../scripts/lib/simulation/world';

const app: SimulatedApp = App;
const appTester = createAppTester(App);

describe('marked deliveries', () => {
  // The simulation tells which delivery a Zap ran on by the marker in its output: each trigger
  // must hand its Zap the field the marker is in.
  it.each(CALLBELL_EVENTS)('%s: the trigger of that event outputs the marker', async (event) => {
    const perform = stepOf(app, event, 'perform');
    if (!perform) throw new Error(`no trigger ${event}`);
    const body = markedDelivery(event, 'sim0123456789x');
    expect(JSON.stringify(body.payload)).toContain('sim0123456789x');
    const items = await appTester(perform, {
      authData: { api_key: 'test_sim_key' },
      inputData: {},
      cleanedRequest: body,
    });
    expect(itemsHolding(items as unknown[], 'sim0123456789x')).toBe(1);
  });

  it('gives each delivery its own copy of the documented body', () => {
    const first = markedDelivery('message_created', 'simaaaaaaaaaax');
    const second = markedDelivery('message_created', 'simbbbbbbbbbbx');
    expect(JSON.stringify(first)).not.toContain('simbbbbbbbbbbx');
    expect(JSON.stringify(second)).not.toContain('simaaaaaaaaaax');
  });

  it('marks deliveries and forgeries apart', () => {
    const random = new Prng(4);
    expect(deliveryMarker(random)).toMatch(DELIVERY_MARKER);
    expect(forgeryMarker(random)).not.toMatch(DELIVERY_MARKER);
  });
});
