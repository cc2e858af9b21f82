/**
 * One readable line per notable event:
 *   2026-11-23T10:00:00.000Z INFO  broker  client kiosk-1 connected
 */
export interface Logger {
  info(component: string, msg: string): void;
  warn(component: string, msg: string): void;
  error(component: string, msg: string): void;
}

export type LogLevel = 'INFO' | 'WARN' | 'ERROR';

export interface MemoryLogger extends Logger {
  /** Every line logged so far, formatted as the console logger would print it. */
  readonly lines: string[];
  /** Lines whose message contains `text`, for assertions in tests. */
  find(text: string): string[];
}

// Client ids and error messages come from the network: never let them forge extra log lines.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/g;

function escapeControl(text: string): string {
  return text.replace(CONTROL_CHARS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function formatLogLine(at: Date, level: LogLevel, component: string, msg: string): string {
  return `${at.toISOString()} ${level.padEnd(5)} ${escapeControl(component).padEnd(7)} ${escapeControl(msg)}`;
}

interface LoggerOptions {
  readonly now?: () => Date;
}

function makeLogger(write: (level: LogLevel, line: string) => void, opts: LoggerOptions): Logger {
  const now = opts.now ?? (() => new Date());
  const at = (level: LogLevel) => (component: string, msg: string) =>
    write(level, formatLogLine(now(), level, component, msg));
  return { info: at('INFO'), warn: at('WARN'), error: at('ERROR') };
}

/** Prints INFO to stdout and WARN/ERROR to stderr. */
export function createConsoleLogger(opts: LoggerOptions = {}): Logger {
  return makeLogger((level, line) => {
    (level === 'INFO' ? process.stdout : process.stderr).write(`${line}\n`);
  }, opts);
}

/** Keeps lines in memory and prints nothing: for tests. */
export function createMemoryLogger(opts: LoggerOptions = {}): MemoryLogger {
  const lines: string[] = [];
  const logger = makeLogger((_level, line) => lines.push(line), opts);
  return { ...logger, lines, find: (text) => lines.filter((l) => l.includes(text)) };
}
