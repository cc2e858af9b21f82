import { describe, expect, it } from 'vitest';
import { testStore } from '../testing/store.ts';
import { haDiscoveryMessages } from './ha-discovery.ts';
import { waitMessages } from './wait-messages.ts';

/**
 * Fields Home Assistant documents for MQTT sensors and binary sensors (its "MQTT Sensor" and
 * "MQTT Binary sensor" pages, and the shared device/origin maps). Anything else in a config
 * is rejected by Home Assistant's schema, so the entity would never appear.
 */
const COMMON = [
  'availability',
  'availability_mode',
  'availability_template',
  'availability_topic',
  'device',
  'device_class',
  'enabled_by_default',
  'encoding',
  'entity_category',
  'entity_picture',
  'expire_after',
  'force_update',
  'icon',
  'json_attributes_template',
  'json_attributes_topic',
  'name',
  'object_id',
  'default_entity_id',
  'origin',
  'payload_available',
  'payload_not_available',
  'platform',
  'qos',
  'state_topic',
  'unique_id',
  'value_template',
];
const SENSOR = [
  ...COMMON,
  'last_reset_value_template',
  'state_class',
  'suggested_display_precision',
  'unit_of_measurement',
];
const BINARY_SENSOR = [...COMMON, 'off_delay', 'payload_off', 'payload_on'];
const DEVICE = [
  'configuration_url',
  'connections',
  'hw_version',
  'identifiers',
  'manufacturer',
  'model',
  'model_id',
  'name',
  'serial_number',
  'suggested_area',
  'sw_version',
  'via_device',
];
const STATE_CLASSES = ['measurement', 'total', 'total_increasing'];
const BINARY_DEVICE_CLASSES = ['problem', 'running', 'occupancy'];

const input = {
  config: testStore,
  prefix: 'nextup/v1',
  agentDevice: `agent-${testStore.store.id}`,
  version: '1.2.3',
};

describe('Home Assistant discovery configs', () => {
  const messages = haDiscoveryMessages(input);
  const parsed = messages.map((m) => ({
    topic: m.topic,
    config: JSON.parse(m.payload) as Record<string, unknown>,
  }));

  it('five entities per service, each at its own topic with the store as node id', () => {
    expect(messages).toHaveLength(5 * testStore.services.length);
    expect(new Set(messages.map((m) => m.topic)).size).toBe(messages.length);
    for (const { topic } of parsed) {
      expect(topic).toMatch(
        new RegExp(`^homeassistant/(sensor|binary_sensor)/${testStore.store.id}/[\\w-]+/config$`),
      );
    }
    expect(new Set(parsed.map((p) => p.config['unique_id'])).size).toBe(messages.length);
  });

  it('uses only the fields Home Assistant documents, with valid values', () => {
    for (const { topic, config } of parsed) {
      const binary = topic.includes('/binary_sensor/');
      const allowed = binary ? BINARY_SENSOR : SENSOR;
      for (const key of Object.keys(config)) expect(allowed, `${topic}: ${key}`).toContain(key);
      for (const key of Object.keys(config['device'] as object)) expect(DEVICE).toContain(key);
      expect(config['state_topic']).toMatch(/^nextup\/v1\/[\w-]+\/wait\/[\w-]+$/);
      expect(config['unique_id']).toMatch(/^[\w-]+$/);
      if (config['state_class'] !== undefined)
        expect(STATE_CLASSES).toContain(config['state_class']);
      if (binary) expect(BINARY_DEVICE_CLASSES).toContain(config['device_class']);
      expect(config['device']).toMatchObject({
        identifiers: [`nextup_${testStore.store.id}`],
        sw_version: '1.2.3',
      });
      expect(config['availability']).toEqual([
        {
          topic: `nextup/v1/${testStore.store.id}/presence/agent-${testStore.store.id}`,
          value_template: "{{ 'online' if value_json.online else 'offline' }}",
        },
      ]);
    }
  });

  it('reads only fields the retained wait message carries', () => {
    const [wait] = waitMessages(
      {
        service: 'advice',
        waiting: 3,
        estimateSec: 400,
        lowSec: 200,
        highSec: 700,
        openCounters: 1,
        updatedAt: '2026-12-06T10:00:00.000Z',
        noCounter: false,
        longestWaitSec: 300,
      },
      { alert: false, serviceLevelToday: 90 },
    );
    const fields = Object.keys(JSON.parse(wait!.payload) as object);
    for (const { config } of parsed) {
      const used = [...String(config['value_template']).matchAll(/value_json\.(\w+)/g)];
      expect(used.length).toBeGreaterThan(0);
      for (const [, field] of used) expect(fields).toContain(field);
    }
  });

  it("names entities in the store's language", () => {
    const pl = haDiscoveryMessages({
      ...input,
      config: {
        ...testStore,
        store: { ...testStore.store, defaultLanguage: 'pl' },
        services: [{ ...testStore.services[0]!, name: { en: 'Advice', pl: 'Porady' } }],
      },
    });
    const names = pl.map((m) => (JSON.parse(m.payload) as { name: string }).name);
    expect(names).toContain('Porady czas oczekiwania');
  });
});
