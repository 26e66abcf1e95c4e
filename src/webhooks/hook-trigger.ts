import type {
  Bundle,
  OutputFields,
  PlainInputField,
  PlainOutputField,
  ZObject,
} from 'zapier-platform-core';
import { InputError } from '../input-error';
import { eventId } from './event-id';
import {
  readDelivery,
  type CallbellEvent,
  type Delivery,
  type EventMapper,
  type HookOutput,
} from './events';
import { receive } from './receive';
import { deliveriesFromRecords, recentDeliveries } from './recent-events';
import type { SubscribeData } from './subscribe-data';
import { joinZap, leaveZap } from './subscribers';

export const ONE_WEBHOOK_NOTICE =
  "Callbell keeps one webhook per account, which all your Callbell Zaps share: one receives each event and passes it on to the others. Turning this Zap on replaces a webhook set by hand in Callbell's dashboard.";

/** The notice above, shown at the top of every trigger's set-up step. */
const oneWebhookNotice: PlainInputField = {
  key: 'one_webhook_notice',
  label: 'One Callbell Webhook, Shared by Your Zaps',
  type: 'copy',
  helpText: ONE_WEBHOOK_NOTICE,
};

export interface HookTriggerSpec {
  key: string;
  noun: string;
  label: string;
  /** Starts "Triggers when …". */
  description: string;
  /** How the trigger reads each event it accepts. */
  mappers: Partial<Record<CallbellEvent, EventMapper>>;
  /** The events a Zap subscribes to; every event in `mappers` when absent. */
  events?: (bundle: Bundle) => CallbellEvent[];
  /** Whether this Zap wants an event (its filters); every event passes when absent. */
  wants?: (output: HookOutput, bundle: Bundle) => boolean;
  inputFields?: PlainInputField[];
  sample: HookOutput;
  /** Labels of the event's fields; a function where they depend on the step's input. */
  outputFields: OutputFields;
  /** Kept for the Zaps built on it, no longer offered for new ones. */
  hidden?: boolean;
}

const COMMON_OUTPUT_FIELDS: PlainOutputField[] = [
  { key: 'id', label: 'Event ID' },
  { key: 'event', label: 'Event Name' },
  { key: 'created_at', label: 'Event Time', type: 'datetime' },
];

/**
 * A Callbell REST-hook trigger: subscribes the Zap's URL to its events, turns each delivery
 * into one Zap-friendly item and fills the Zap editor's test from real recent events.
 */
export function hookTrigger(spec: HookTriggerSpec) {
  function mapped(delivery: Delivery): HookOutput | null {
    const mapper = spec.mappers[delivery.event];
    if (!mapper) return null;
    return { id: eventId(delivery), event: delivery.event, ...mapper(delivery.payload) };
  }
  function eventsOf(bundle: Bundle): CallbellEvent[] {
    return spec.events?.(bundle) ?? (Object.keys(spec.mappers) as CallbellEvent[]);
  }
  function wanted(output: HookOutput | null, bundle: Bundle): output is HookOutput {
    return (
      output !== null &&
      eventsOf(bundle).includes(output.event) &&
      (spec.wants?.(output, bundle) ?? true)
    );
  }

  /** The Zap's own items; a delivery straight from Callbell is also passed on to other Zaps. */
  async function perform(z: ZObject, bundle: Bundle): Promise<HookOutput[]> {
    const delivery = readDelivery(bundle.cleanedRequest);
    if (!(await receive(z, bundle, delivery)) || !delivery) return [];
    const output = mapped(delivery);
    return wanted(output, bundle) ? [output] : [];
  }

  async function performList(z: ZObject, bundle: Bundle): Promise<HookOutput[]> {
    const events = eventsOf(bundle);
    const logged = (await recentDeliveries(z, events)).map(readDelivery);
    const fromLog = logged.map((delivery) => delivery && mapped(delivery));
    const recent = uniqueById(fromLog.filter((output) => wanted(output, bundle)));
    if (recent.length) return recent;
    for (const event of events) {
      const fromRecords = (await deliveriesFromRecords(z, event)).map(mapped);
      const matching = fromRecords.filter((output) => wanted(output, bundle));
      if (matching.length) return matching;
    }
    return [];
  }

  async function performSubscribe(z: ZObject, bundle: Bundle): Promise<SubscribeData> {
    const events = eventsOf(bundle);
    if (!events.length) throw new InputError('Events', 'choose at least one event for this Zap.');
    const url = bundle.targetUrl;
    if (!url)
      throw new z.errors.Error('Zapier did not provide a webhook URL to subscribe.', 'NoTargetUrl');
    return joinZap(z, bundle, url, events);
  }

  function performUnsubscribe(z: ZObject, bundle: Bundle): Promise<{ status: string }> {
    return leaveZap(z, bundle);
  }

  return {
    key: spec.key,
    noun: spec.noun,
    display: {
      label: spec.label,
      description: spec.description,
      ...(spec.hidden ? { hidden: true } : {}),
    },
    operation: {
      type: 'hook' as const,
      inputFields: [oneWebhookNotice, ...(spec.inputFields ?? [])],
      perform,
      performList,
      performSubscribe,
      performUnsubscribe,
      sample: spec.sample,
      outputFields: [
        ...COMMON_OUTPUT_FIELDS.filter(({ key }) => key in spec.sample),
        ...spec.outputFields,
      ],
    },
  };
}

export type HookTrigger = ReturnType<typeof hookTrigger>;

function uniqueById(outputs: HookOutput[]): HookOutput[] {
  const seen = new Set<string>();
  return outputs.filter((output) => !seen.has(output.id) && seen.add(output.id));
}
