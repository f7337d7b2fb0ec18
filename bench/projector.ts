// "The projector follows within 100 ms" (issue 16): the secretary's live screen and the projector
// page open side by side in one browser context, as in the hall; each keystroke in the
// projector's message field is timed from its keydown in the secretary's page to the frame after
// the projector page shows the new text. Both pages run on one machine, so their
// performance.timeOrigin + now() clocks compare. In-page probes are plain JavaScript strings (this
// file is type-checked for Node, without the DOM library).
//
// For bench/run.ts (engineer B2): call benchProjector(context, appUrl, meetingId, { quick }) with a
// browser context of a running browser-mode server, `appUrl` the address it printed
// (http://127.0.0.1:PORT/?token=…) and a meeting of that server's data; it returns Figures.
import type { BrowserContext } from '@playwright/test';
import type { Figure } from './report';
import { percentile, round, sleep } from './stats';

export type ProjectorBenchOptions = { quick: boolean; size?: string; timeoutMs?: number };

const KEYDOWN_PROBE = `(() => {
  window.__pjKeys = [];
  window.addEventListener('keydown', (e) => window.__pjKeys.push([e.key, performance.timeOrigin + performance.now()]), true);
})()`;

// Records, for each message text the projector shows, the time of the frame after it appeared.
const PAINT_PROBE = `(() => {
  window.__pjShown = {};
  const seen = () => {
    const el = document.querySelector('[data-testid="projector-message"]');
    const text = el ? el.textContent : null;
    if (text !== null && !(text in window.__pjShown)) {
      window.__pjShown[text] = -1;
      requestAnimationFrame(() => { window.__pjShown[text] = performance.timeOrigin + performance.now(); });
    }
  };
  new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, characterData: true });
  seen();
})()`;

/** Opens both pages, types `n` characters into the message field, and returns the follow times. */
export async function projectorFollowTimes(context: BrowserContext, appUrl: string, meetingId: number, n: number, timeoutMs = 60_000): Promise<number[]> {
  const url = new URL(appUrl);
  const secretary = await context.newPage();
  const projector = await context.newPage();
  try {
    url.hash = `#/meeting/${meetingId}/live`;
    await secretary.goto(url.toString());
    await secretary.getByTestId('projector-panel').waitFor({ timeout: timeoutMs });
    await projector.goto(`${url.origin}/#/projector/${meetingId}`);
    await projector.getByTestId('projector').waitFor({ timeout: timeoutMs });
    await secretary.getByTestId('scene-message').click();
    await projector.locator('[data-testid="projector"][data-scene="message"]').waitFor({ timeout: timeoutMs });
    await projector.evaluate(PAINT_PROBE);
    await secretary.evaluate(KEYDOWN_PROBE);
    const input = secretary.getByTestId('projector-message-input');
    await input.fill('');
    await input.focus();
    // Type first, read after: polling the projector between keys would load the very page timed.
    let text = '';
    const texts: string[] = [];
    for (let i = 0; i < n; i++) {
      // ASCII letters: each one is one keydown (Playwright types other characters without one).
      text += 'abcdefghijklmnopqrstuvwxyz'[i % 26]!;
      texts.push(text);
      await secretary.keyboard.type(text.slice(-1));
      await sleep(60 + (i % 4) * 30);
    }
    await projector.waitForFunction(`(window.__pjShown[${JSON.stringify(text)}] ?? -1) > 0`, undefined, { timeout: timeoutMs });
    // Letters only, the last n: any other key that reached the page before (focus, fill) is not one of ours.
    const keys = ((await secretary.evaluate('window.__pjKeys')) as [string, number][]).filter(([k]) => /^[a-z]$/.test(k)).slice(-n).map(([, t]) => t);
    const shown = (await projector.evaluate('window.__pjShown')) as Record<string, number>;
    const times: number[] = [];
    texts.forEach((t, i) => {
      const at = shown[t];
      const key = keys[i];
      if (at !== undefined && at > 0 && key !== undefined) times.push(at - key);
    });
    return times;
  } finally {
    await projector.close();
    await secretary.close();
  }
}

export async function benchProjector(context: BrowserContext, appUrl: string, meetingId: number, o: ProjectorBenchOptions): Promise<Figure[]> {
  const times = await projectorFollowTimes(context, appUrl, meetingId, o.quick ? 20 : 60, o.timeoutMs);
  const size = o.size ?? 'one meeting';
  const note = `${times.length} keystrokes in the projector's message field; keydown in the secretary's page → frame after the projector page shows it (BroadcastChannel)`;
  return [
    { section: 'input', name: 'projector follows the secretary p50', value: round(percentile(times, 50), 1), unit: 'ms', target: { op: '<=', value: 100 }, size, note },
    { section: 'input', name: 'projector follows the secretary p95', value: round(percentile(times, 95), 1), unit: 'ms', target: { op: '<=', value: 100 }, size },
  ];
}
