// Debian's chromium as the browser tests and the bench drive it (playwright-core, no browser download):
// where it is, whether it is there, and how it is started (headless, nothing fetched, no sandbox as root).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FOUND = existsSync(CHROMIUM);

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(timeout = 30_000): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout });
}
