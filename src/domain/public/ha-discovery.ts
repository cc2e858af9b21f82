import { localized, type StoreConfig } from '../config/types.ts';
import { haTopics, topics } from '../topics/names.ts';

/**
 * Home Assistant MQTT discovery (README, Home Assistant): one retained config per entity,
 * at `homeassistant/<component>/<store>/<service>_<entity>/config` (the store as Home
 * Assistant's node id, so the broker can keep each store's agent to its own configs). Every
 * entity reads the retained `wait/{service}` message (wait-messages.ts), so Home Assistant
 * shows exactly what the store's screens show, and is available while the store's agent is
 * (its retained presence). Pure: the hub's agent publishes what this returns.
 */
export interface DiscoveryMessage {
  readonly topic: string;
  readonly payload: string;
}

export interface DiscoveryInput {
  readonly config: StoreConfig;
  /** Topic root before the store id (config.mqtt.topicPrefix). */
  readonly prefix: string;
  /** The agent's device id: its presence topic is the entities' availability. */
  readonly agentDevice: string;
  readonly version: string;
}

type EntityKind = 'wait' | 'waiting' | 'open_counters' | 'service_level' | 'needs_counter';

/** What each entity shows, read from the wait message. "None" is Home Assistant's unknown. */
const ENTITIES: readonly {
  readonly kind: EntityKind;
  readonly component: 'sensor' | 'binary_sensor';
  readonly template: string;
  readonly extra: Readonly<Record<string, unknown>>;
}[] = [
  {
    // no number while no counter serves the service: "unknown", never a rosy wait
    kind: 'wait',
    component: 'sensor',
    template: "{{ value_json.minutes if value_json.minutes is not none else 'None' }}",
    extra: { unit_of_measurement: 'min', state_class: 'measurement', icon: 'mdi:timer-sand' },
  },
  {
    kind: 'waiting',
    component: 'sensor',
    template: '{{ value_json.waiting }}',
    extra: { state_class: 'measurement', icon: 'mdi:account-multiple' },
  },
  {
    kind: 'open_counters',
    component: 'sensor',
    template: '{{ value_json.openCounters }}',
    extra: { state_class: 'measurement', icon: 'mdi:storefront' },
  },
  {
    kind: 'service_level',
    component: 'sensor',
    template:
      "{{ value_json.serviceLevelToday if value_json.serviceLevelToday is not none else 'None' }}",
    extra: { unit_of_measurement: '%', state_class: 'measurement', icon: 'mdi:speedometer' },
  },
  {
    kind: 'needs_counter',
    component: 'binary_sensor',
    template: "{{ 'ON' if value_json.alert else 'OFF' }}",
    extra: { device_class: 'problem', payload_on: 'ON', payload_off: 'OFF' },
  },
];

/** Entity names in the store's language (Home Assistant shows them as "<device> <name>"). */
const NAMES: Readonly<Record<string, Readonly<Record<EntityKind, string>>>> = {
  en: {
    wait: 'wait',
    waiting: 'waiting',
    open_counters: 'open counters',
    service_level: 'service level today',
    needs_counter: 'needs a counter',
  },
  pl: {
    wait: 'czas oczekiwania',
    waiting: 'oczekujący',
    open_counters: 'otwarte stanowiska',
    service_level: 'poziom obsługi dziś',
    needs_counter: 'potrzebne stanowisko',
  },
  hu: {
    wait: 'várakozási idő',
    waiting: 'várakozók',
    open_counters: 'nyitott pultok',
    service_level: 'mai kiszolgálási szint',
    needs_counter: 'pult szükséges',
  },
  ru: {
    wait: 'время ожидания',
    waiting: 'в очереди',
    open_counters: 'открытые стойки',
    service_level: 'уровень обслуживания сегодня',
    needs_counter: 'нужна стойка',
  },
  hi: {
    wait: 'प्रतीक्षा समय',
    waiting: 'प्रतीक्षा में',
    open_counters: 'खुले काउंटर',
    service_level: 'आज का सेवा स्तर',
    needs_counter: 'काउंटर चाहिए',
  },
  ar: {
    wait: 'مدة الانتظار',
    waiting: 'المنتظرون',
    open_counters: 'الشبابيك المفتوحة',
    service_level: 'مستوى الخدمة اليوم',
    needs_counter: 'يلزم شباك',
  },
};

export function haDiscoveryMessages(input: DiscoveryInput): DiscoveryMessage[] {
  const { config, prefix, agentDevice, version } = input;
  const store = config.store.id;
  const lang = config.store.defaultLanguage;
  const names = NAMES[lang] ?? NAMES['en']!;
  const storeName = localized(config.store.name, lang, lang);
  const device = {
    identifiers: [`nextup_${store}`],
    name: storeName,
    manufacturer: 'Nextup',
    model: 'Nextup store hub',
    sw_version: version,
  };
  const availability = [
    {
      topic: topics.presence({ prefix, store }, agentDevice),
      value_template: "{{ 'online' if value_json.online else 'offline' }}",
    },
  ];
  const out: DiscoveryMessage[] = [];
  for (const service of config.services) {
    const serviceName = localized(service.name, lang, lang);
    const stateTopic = topics.wait({ prefix, store }, service.id);
    for (const e of ENTITIES) {
      const objectId = `${service.id}_${e.kind}`;
      const payload = {
        name: `${serviceName} ${names[e.kind]}`,
        unique_id: `nextup_${store}_${objectId}`,
        state_topic: stateTopic,
        value_template: e.template,
        json_attributes_topic: stateTopic,
        availability,
        device,
        origin: { name: 'Nextup', sw_version: version },
        qos: 1,
        ...e.extra,
      };
      out.push({
        topic: haTopics.discovery(e.component, store, objectId),
        payload: JSON.stringify(payload),
      });
    }
  }
  return out;
}
