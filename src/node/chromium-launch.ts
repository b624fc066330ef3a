// How this project starts Debian's Chromium headless (browsers can't be downloaded here): shared
// by the benchmark and the browser test runner's config.
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env['CHROME_PATH'] || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', // Chromium refuses to start as root without it
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking', // this machine has no network: don't try
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Why Chromium can't be used here, or undefined when it can. */
export function chromiumMissing(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  return `no Chromium at ${CHROMIUM_PATH}; install it with: sudo apt-get install -y chromium (or set CHROME_PATH)`;
}
