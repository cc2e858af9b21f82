/** The store's configuration, as loaded from kiosk-config/ and validated by the hub. */
export type LocalizedText = Readonly<Record<string, string>>;

export interface ServiceConfig {
  readonly id: string;
  /** One capital letter shown before the ticket number, e.g. "A" in A023. */
  readonly prefix: string;
  readonly name: LocalizedText;
  readonly targetWaitSec: number;
  /** Prior for the average time at the counter, used until the day has data. */
  readonly avgServiceSec: number;
}

export interface CounterConfig {
  readonly id: string;
  readonly name: LocalizedText;
  readonly services: readonly string[];
}

export interface NumberRange {
  readonly from: number;
  readonly to: number;
}

export interface IssuingDeviceConfig {
  readonly id: string;
  readonly name: LocalizedText;
  /** Disjoint per device, so partitioned kiosks never hand out the same number. */
  readonly range: NumberRange;
}

export interface StoreConfig {
  readonly store: {
    readonly id: string;
    readonly name: LocalizedText;
    readonly timeZone: string;
    readonly defaultLanguage: string;
    readonly languages: readonly string[];
  };
  readonly services: readonly ServiceConfig[];
  readonly counters: readonly CounterConfig[];
  readonly kiosks: readonly IssuingDeviceConfig[];
  readonly mqtt: {
    readonly topicPrefix: string;
    /** Broker URL for browsers; empty means the hub's own ws(s)://<host>/mqtt. */
    readonly browserUrl: string;
  };
  readonly kiosk: {
    readonly idleResetSec: number;
  };
}

export function serviceById(cfg: StoreConfig, id: string): ServiceConfig | undefined {
  return cfg.services.find((s) => s.id === id);
}

export function localized(text: LocalizedText, lang: string, fallback: string): string {
  return text[lang] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}
