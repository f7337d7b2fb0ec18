// Debian's Chromium, never a downloaded browser, with the flags that behave on this closed
// network: without the background-networking ones Chromium keeps trying (and failing) to reach
// its update and sync hosts. Shared by the Playwright config, specs that launch their own
// browser, and the benchmark.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
