// Lighthouse on the studio's article list and editor, signed in, each a cold load in a fresh Debian Chromium.
//
//   node studio.mjs <studio base URL> <API key> [article id]
//
// LIGHTHOUSE_ONLY=articles:mobile measures one page in one preset; LIGHTHOUSE_REPORTS=<folder> keeps each full report
// (the JSON Lighthouse's viewer opens) for the breakdown behind a score, and the page's trace beside it.
// The tab is signed in as the studio leaves it (signedIn.mjs: the key and its caller in sessionStorage) from /studio/settings.json, a same-origin
// page that loads none of the studio's assets, so the measured navigation starts with an empty cache. Both Lighthouse
// presets are run: the default (a mid-range phone on a throttled 4G link, simulated) and desktop.
import { writeFile } from 'node:fs/promises';
import puppeteer from 'puppeteer-core';
import { signInTab } from './signedIn.mjs';
import { desktopConfig, startFlow } from 'lighthouse';

const [base, apiKey, articleId] = process.argv.slice(2);
if (!base || !apiKey) {
  console.error('usage: node studio.mjs <studio base URL, e.g. http://127.0.0.1:5080/studio> <API key> [article id]');
  process.exit(2);
}

const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const pages = [{ name: 'articles', path: '/articles' }];
if (articleId) {
  pages.push({ name: 'editor', path: `/articles/${encodeURIComponent(articleId)}` });
}

async function measure(path, preset) {
  const browser = await puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/settings.json`);
    await signInTab(page, apiKey);
    const flow = await startFlow(page, {
      config: preset === 'desktop' ? desktopConfig : undefined,
      flags: { onlyCategories: ['performance', 'accessibility'] },
    });
    await flow.navigate(`${base}${path}`, { disableStorageReset: true, name: path });
    const [step] = (await flow.createFlowResult()).steps;
    const lhr = step.lhr;
    if (process.env.LIGHTHOUSE_REPORTS) {
      const name = `${process.env.LIGHTHOUSE_REPORTS}/${path.replaceAll('/', '_')}-${preset}`;
      await writeFile(`${name}.json`, JSON.stringify(lhr));
      // The page's trace (Chromium's performance panel opens it): which tasks were long, and what ran in them.
      const [gathered] = (await flow.createArtifactsJson()).gatherSteps;
      await writeFile(`${name}.trace.json`, JSON.stringify(gathered.artifacts.Trace ?? gathered.artifacts.traces?.defaultPass));
    }
    const audit = (id) => lhr.audits[id]?.numericValue;
    return {
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      fcpMs: Math.round(audit('first-contentful-paint')),
      lcpMs: Math.round(audit('largest-contentful-paint')),
      tbtMs: Math.round(audit('total-blocking-time')),
      cls: audit('cumulative-layout-shift'),
      failedAccessibility: Object.values(lhr.audits).filter((a) => lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0) && a.score === 0).map((a) => a.id),
    };
  } finally {
    await browser.close();
  }
}

const results = [];
for (const { name, path } of pages) {
  for (const preset of ['mobile', 'desktop']) {
    if (process.env.LIGHTHOUSE_ONLY && process.env.LIGHTHOUSE_ONLY !== `${name}:${preset}`) {
      continue;
    }
    const result = { page: name, preset, ...(await measure(path, preset)) };
    results.push(result);
    console.log(JSON.stringify(result));
  }
}
await writeFile(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
