// Browser and broker tests need Debian's Chromium, Mosquitto, NSS tools and nats-server. Install them when we can
// (root with apt-get), otherwise stop with the exact command to run. Never skip silently.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needed = [
  { bin: '/usr/bin/chromium', pkgs: ['chromium'] },
  { bin: '/usr/bin/chromedriver', pkgs: ['chromium-driver'] },
  { bin: '/usr/sbin/mosquitto', pkgs: ['mosquitto'] },
  // the public-API test reads the wait topics with the plain command-line client
  { bin: '/usr/bin/mosquitto_sub', pkgs: ['mosquitto-clients'] },
  // tablets trust the store authority in their browser's NSS database, as a real one would
  { bin: '/usr/bin/certutil', pkgs: ['libnss3-tools'] },
  // a chain of stores runs on a NATS JetStream cluster the tests start themselves
  { bin: '/usr/sbin/nats-server', pkgs: ['nats-server'] },
];
const missing = needed.filter((n) => !existsSync(n.bin)).flatMap((n) => n.pkgs);
if (missing.length === 0) process.exit(0);

const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(`Browser and broker tests need: ${missing.join(', ')}.\nRun as root: ${command}`);
  process.exit(1);
}
console.log(`Installing ${missing.join(', ')} for the browser and broker tests…`);
try {
  execFileSync('sh', ['-c', command], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
} catch {
  console.error(`Installing failed. Run as root: ${command}`);
  process.exit(1);
}
