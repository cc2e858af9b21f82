import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCli } from '../cli-args.ts';
import { tempDir } from '../hub-testing.ts';
import { readVapidKeysFile } from './vapid-file.ts';
import { generateVapidKeys } from './web-push-sender.ts';

/** `--web-push <file>`: the keys `npx web-push generate-vapid-keys --json` prints, plus a contact. */
describe('the Web Push keys file', () => {
  const dir = tempDir('vapid');
  afterAll(() => dir.remove());
  const write = (name: string, x: unknown) => {
    const file = path.join(dir.path, name);
    writeFileSync(file, JSON.stringify(x));
    return file;
  };
  const keys = generateVapidKeys('mailto:manager@store.example');

  it('reads keys with a subject', () => {
    expect(readVapidKeysFile(write('ok.json', keys))).toEqual(keys);
  });

  it('is the hub option --web-push (or NEXTUP_WEB_PUSH)', () => {
    const file = write('cli.json', keys);
    expect(parseCli(['serve', '--web-push', file])).toMatchObject({
      kind: 'serve',
      options: { webPush: keys },
    });
    expect(parseCli(['serve'], { NEXTUP_WEB_PUSH: file })).toMatchObject({
      options: { webPush: keys },
    });
    expect(() => parseCli(['serve', '--web-push', write('bad.json', {})])).toThrow('--web-push');
  });

  it('names the file and what is wrong', () => {
    const noSubject = write('no-subject.json', { ...keys, subject: undefined });
    expect(() => readVapidKeysFile(noSubject)).toThrow(`${noSubject}: "subject" must be`);
    const short = write('short.json', { ...keys, privateKey: 'abc' });
    expect(() => readVapidKeysFile(short)).toThrow('must be VAPID keys');
    expect(() => readVapidKeysFile(path.join(dir.path, 'missing.json'))).toThrow(
      'cannot read the Web Push keys',
    );
  });
});
