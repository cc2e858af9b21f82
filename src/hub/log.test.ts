import { describe, expect, it } from 'vitest';
import { createMemoryLogger, formatLogLine } from './log.ts';

const AT = new Date('2026-11-23T10:00:00.000Z');

describe('log lines', () => {
  it('read as time, level, component, message', () => {
    expect(formatLogLine(AT, 'INFO', 'broker', 'client kiosk-1 connected')).toBe(
      '2026-11-23T10:00:00.000Z INFO  broker  client kiosk-1 connected',
    );
    expect(formatLogLine(AT, 'ERROR', 'http', 'boom')).toBe(
      '2026-11-23T10:00:00.000Z ERROR http    boom',
    );
  });

  it('cannot be split by a client id with a line break', () => {
    const line = formatLogLine(AT, 'WARN', 'broker', 'client evil\n2026 INFO fake connected');
    expect(line).not.toContain('\n');
    expect(line).toContain('evil\\u000a2026');
  });

  it('are kept in memory for tests', () => {
    const log = createMemoryLogger({ now: () => AT });
    log.info('hub', 'started');
    log.warn('agent', 'slow disk');
    log.error('http', 'failed');
    expect(log.lines).toEqual([
      '2026-11-23T10:00:00.000Z INFO  hub     started',
      '2026-11-23T10:00:00.000Z WARN  agent   slow disk',
      '2026-11-23T10:00:00.000Z ERROR http    failed',
    ]);
    expect(log.find('slow')).toHaveLength(1);
  });
});
