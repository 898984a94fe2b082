// Finds a Chrome or Chromium for the browser tests and the benchmark.
// Order: $CHROME_PATH, then the usual names on PATH. Where there is none and we run as
// root on Debian, the `chromium` package is installed with apt-get (no npm package may
// download a browser of its own). Otherwise we stop with a message that says how to get one.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath() {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of NAMES) {
    for (const dir of dirs) {
      const file = join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return undefined;
}

function canInstallWithApt() {
  return (
    process.platform === 'linux' &&
    typeof process.getuid === 'function' &&
    process.getuid() === 0 &&
    existsSync('/etc/debian_version') &&
    spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0
  );
}

/** Returns the path of a Chrome/Chromium executable, installing Debian's chromium if needed. */
export function findChrome({ install = true } = {}) {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, which is not an executable file.`);
  }
  const found = onPath();
  if (found) return found;
  if (install && canInstallWithApt()) {
    console.error(
      'No Chrome or Chromium found: installing Debian\'s "chromium" package with apt-get…',
    );
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    // apt's output goes to stderr: stdout of `node scripts/chrome.mjs` is the path alone.
    const stdio = ['ignore', 2, 2];
    execFileSync('apt-get', ['update', '-qq'], { stdio, env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio, env });
    const installed = onPath();
    if (installed) return installed;
  }
  throw new Error(
    'No Chrome or Chromium was found. Install one (on Debian/Ubuntu: `sudo apt-get install chromium`) ' +
      'or set CHROME_PATH to its executable.',
  );
}

/** Flags for headless Chromium with WebGL2 through SwiftShader and no network chatter. */
export const CHROME_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-gpu-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(findChrome());
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
