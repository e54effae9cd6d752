// How long a keystroke in the editor takes to reach the screen: the Event Timing API's duration (input to next paint)
// of each of 17 keystrokes typed into the article's title, in a fresh Debian Chromium, optionally under a CPU slowdown.
//
//   node typing.mjs <studio base URL> <API key> <article id> [CPU slowdown, default 1]
import puppeteer from 'puppeteer-core';
import { signInTab } from './signedIn.mjs';

const [base, apiKey, articleId, slowdown = '1'] = process.argv.slice(2);
if (!base || !apiKey || !articleId) {
  console.error('usage: node typing.mjs <studio base URL, e.g. http://127.0.0.1:5080/studio> <API key> <article id> [CPU slowdown]');
  process.exit(2);
}

const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${base}/settings.json`);
  await signInTab(page, apiKey);
  await page.evaluateOnNewDocument(() => {
    window.keystrokes = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.interactionId && entry.name.startsWith('key')) {
          window.keystrokes.push({ interaction: entry.interactionId, duration: entry.duration });
        }
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  });
  await page.goto(`${base}/articles/${encodeURIComponent(articleId)}`, { waitUntil: 'networkidle0' });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const session = await page.createCDPSession();
  await session.send('Emulation.setCPUThrottlingRate', { rate: Number(slowdown) });
  // The title: the form's first text field.
  await page.locator('input:not([type]), input[type=text]').click();
  await page.keyboard.type(' typed in here', { delay: 50 });
  await page.keyboard.type('abc', { delay: 50 });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  // One interaction per keystroke (keydown, input, keyup): its longest entry. Entries under 16 ms are not reported.
  const longest = new Map();
  for (const { interaction, duration } of await page.evaluate(() => window.keystrokes)) {
    longest.set(interaction, Math.max(longest.get(interaction) ?? 0, duration));
  }
  // Keystrokes with no entry took under 16 ms; they count as 0 here, so the median is over all 17.
  const durations = [...Array(Math.max(0, 17 - longest.size)).fill(0), ...longest.values()].sort((a, b) => a - b);
  const shown = (ms) => (ms < 16 ? '<16' : ms);
  console.log(JSON.stringify({ slowdown: Number(slowdown), keystrokes: durations.length, p50Ms: shown(durations[8]), maxMs: shown(durations.at(-1)) }));
} finally {
  await browser.close();
}
