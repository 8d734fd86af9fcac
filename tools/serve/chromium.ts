import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CliError } from '../../pipeline/cli-error.ts';

/** The Chromium flags this workplace needs: headless, no sandbox as root, no background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches Debian's Chromium (or CHROMIUM_PATH), for printing briefs and for the browser tests. */
export function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new CliError(`Chromium not found: ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
