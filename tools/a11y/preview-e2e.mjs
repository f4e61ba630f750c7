#!/usr/bin/env node
// End-to-end check of `reap preview` in Debian's headless Chromium, driven by playwright-core.
// Run by src/test/java/org/reap/preview/PreviewBrowserTest.java, which starts the preview on a
// temporary copy of docs/examples and passes its address and plans folder:
//
//   node preview-e2e.mjs --url http://127.0.0.1:PORT/ --plans DIR [--shots DIR]
//
// What a staff member does, and what they must see, without ever reloading the page by hand:
//   1. the list of documents; open the timeline
//   2. mark a milestone done in milestones.yaml: the timeline shows "Done" and the new note
//   3. make a mistake (status: finished): the page shows the error with its file and line number
//   4. fix it: the timeline comes back
//   5. add a memo for the next meeting (a new file): the list shows it; its PDF opens
// and the preview's own parts (its bar, the page of errors) pass axe-core's WCAG 2.1 A/AA checks and best practices, as in .ci/run.
// Screenshots of these (PNG) go to --shots; docs/guide.md uses them (docs/images/).
//
// Prints what it did and how long each save took to show; exits 0 when every check passed, 1 when
// one failed, 2 when it cannot start (no playwright-core, no Chromium). Requests to anything but the
// preview's own address are refused and counted as failures.
//
// Environment: REAP_CHROMIUM (default /usr/bin/chromium).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

const CHROMIUM = process.env.REAP_CHROMIUM || '/usr/bin/chromium';
const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage', '--font-render-hinting=none',
];
const SAVE_TIMEOUT_MS = 20000; // the most a save may take to show (the aim is about 1 s)

function usage(message) {
  if (message) console.error(`preview-e2e: ${message}`);
  console.error('usage: node preview-e2e.mjs --url URL --plans DIR [--shots DIR]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { url: null, plans: null, shots: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--url') opts.url = argv[++i];
    else if (a === '--plans') opts.plans = argv[++i];
    else if (a === '--shots') opts.shots = argv[++i];
    else usage(`unknown argument ${a}`);
  }
  if (!opts.url || !opts.plans) usage('--url and --plans are needed');
  return opts;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class CheckFailed extends Error {}

function check(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

/** The page's visible text, or '' while it is between two documents (a reload). */
async function text(page) {
  try {
    return await page.evaluate(() => (document.body ? document.body.innerText : ''));
  } catch {
    return '';
  }
}

/** Waits until the page shows every one of `wanted` (and none of `unwanted`); returns the text. */
async function waitFor(page, wanted, unwanted = [], timeoutMs = SAVE_TIMEOUT_MS) {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    last = await text(page);
    if (wanted.every((w) => last.includes(w)) && !unwanted.some((u) => last.includes(u))) return last;
    await sleep(25);
  }
  const missing = wanted.filter((w) => !last.includes(w));
  const present = unwanted.filter((u) => last.includes(u));
  throw new CheckFailed(`after ${timeoutMs} ms ${page.url()} still does not show ${JSON.stringify(missing)}`
    + (present.length ? ` or still shows ${JSON.stringify(present)}` : '')
    + `; it shows:\n${last.slice(0, 1500)}`);
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** axe-core over the page as it is now; fails on any violation (the bar and the error page are reap's own). */
async function axe(page, what) {
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), AXE_TAGS);
  const found = result.violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')}): ${v.help}`);
  check(found.length === 0, `axe found on ${what}: ${found.join('; ')}`);
  console.log(`ok   axe: no WCAG 2.1 A/AA or best-practice violation on ${what}`);
}

function edit(file, from, to) {
  const before = readFileSync(file, 'utf8');
  check(before.includes(from), `${file} does not contain ${JSON.stringify(from)}`);
  writeFileSync(file, before.replace(from, to));
}

function lineOf(file, line) {
  return readFileSync(file, 'utf8').split('\n').indexOf(line) + 1;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const base = new URL(opts.url);
  const milestones = join(opts.plans, 'milestones.yaml');
  const shots = opts.shots;
  if (shots) mkdirSync(shots, { recursive: true });

  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    console.error(`preview-e2e: playwright-core is not installed (run "npm ci" in tools/a11y): ${e.message}`);
    process.exit(2);
  }
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS, timeout: 60000 });
  } catch (e) {
    console.error(`preview-e2e: could not start Chromium at ${CHROMIUM}: ${e.message}`);
    process.exit(2);
  }
  const context = await browser.newContext({
    viewport: { width: 1180, height: 760 }, deviceScaleFactor: 1, locale: 'en-US', colorScheme: 'light', reducedMotion: 'reduce',
  });
  const refused = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.origin === base.origin) return route.continue();
    refused.push(u.href);
    return route.abort();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30000);
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  let loads = 0;
  page.on('load', () => { loads++; });
  const timings = {};
  const shot = async (name, { fit = false } = {}) => {
    if (!shots) return;
    // fit: no empty space below a short page
    const viewport = page.viewportSize();
    const height = fit ? Math.min(viewport.height, await page.evaluate(() => Math.ceil(document.querySelector('main').getBoundingClientRect().bottom + window.scrollY + 24))) : viewport.height;
    await page.screenshot({ path: join(shots, name), type: 'png', clip: { x: 0, y: 0, width: viewport.width, height } });
    console.log(`screenshot ${join(shots, name)}`);
  };

  try {
    // 1. the list of documents
    await page.goto(base.href, { waitUntil: 'load' });
    await waitFor(page, ['Riverton 2025 Timeline', 'Permit Fee Waiver for Small Home Repairs', 'reap preview']);
    check(await page.getByRole('navigation', { name: 'Preview' }).isVisible(), 'the preview bar is not visible');
    await shot('preview-index.png');
    console.log('ok   the list of documents');
    await axe(page, 'the list of documents with the preview bar');

    await page.getByRole('link', { name: 'Riverton 2025 Timeline' }).click();
    await page.waitForURL(/riverton-2025-timeline\.html$/);
    await waitFor(page, ['Core team retreat', 'Open the PDF']);
    const row = () => page.locator('tr', { hasText: 'Core team retreat' });
    check((await row().innerText()).includes('Overdue'), `before the change the retreat should be overdue: ${await row().innerText()}`);
    console.log('ok   the timeline, retreat overdue');

    // 2. mark the milestone done: the page updates by itself
    let before = loads;
    let t0 = Date.now();
    edit(milestones, '    owner: Equity Core Team\n    status: in-progress\n',
      '    owner: Equity Core Team\n    status: done\n    completed: 2025-03-17\n');
    await waitFor(page, ['completed 3/17/2025']);
    timings.change = Date.now() - t0;
    check(loads > before, 'the page changed without reloading?');
    const done = await row().innerText();
    check(done.includes('Done') && done.includes('completed 3/17/2025'), `the retreat row should say Done, completed 3/17/2025: ${done}`);
    await row().scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -260));
    await shot('preview-milestone-done.png');
    console.log(`ok   marked done: shown ${timings.change} ms after the save`);

    // 3. a mistake: the page shows the error, with the file and the line number
    before = loads;
    t0 = Date.now();
    edit(milestones, '    status: done\n    completed: 2025-03-17\n', '    status: finished\n    completed: 2025-03-17\n');
    const line = lineOf(milestones, '    status: finished');
    check(line > 0, 'the changed line is not in the file');
    const error = await waitFor(page, [`plans/milestones.yaml, line ${line}, column 13`, '"status" cannot be "finished"', 'did you mean "done"?', `plans/milestones.yaml:${line}:13`]);
    timings.error = Date.now() - t0;
    check(!error.includes('completed 3/17/2025'), 'the stale timeline is still shown under the error');
    check(await page.locator('mark', { hasText: 'finished' }).isVisible(), 'the wrong word is not marked in the source line');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('preview-error.png', { fit: true });
    console.log(`ok   the mistake (line ${line}) shown ${timings.error} ms after the save`);
    await axe(page, 'the page of errors');

    // 4. the fix: the timeline comes back
    t0 = Date.now();
    edit(milestones, '    status: finished\n', '    status: done\n');
    await waitFor(page, ['completed 3/17/2025', 'Core team retreat'], ['problem to fix']);
    timings.fix = Date.now() - t0;
    check(page.url().endsWith('riverton-2025-timeline.html'), `the page moved to ${page.url()}`);
    console.log(`ok   fixed: the timeline is back ${timings.fix} ms after the save`);

    // 5. a memo for the next meeting: a new file, shown in the list
    await page.getByRole('link', { name: 'All documents' }).click();
    await waitFor(page, ['Riverton 2025 Timeline']);
    const memo = readFileSync(join(opts.plans, 'agenda-item.yaml'), 'utf8')
      .replace('id: riverton-eq-2025-05-13-item-2', 'id: riverton-eq-2025-06-10-item-1')
      .replace('title: Permit Fee Waiver for Small Home Repairs', 'title: Language Access Plan for City Services')
      .replace('  date: 2025-05-13', '  date: 2025-06-10')
      .replace('  number: "2"', '  number: "1"')
      .replace('file_id: 2025-00042', 'file_id: 2025-00057')
      .replace(/^supplemental:\n(  .*\n)+/m, '')
      .replace('recommendation: Pass a **motion** forwarding the fee waiver to City Council.',
        'recommendation: Receive and file the draft Language Access Plan.');
    check(memo.includes('Language Access Plan for City Services') && memo.includes('2025-06-10-item-1'), 'could not make the new memo');
    t0 = Date.now();
    writeFileSync(join(opts.plans, 'agenda-item-2025-06-10.yaml'), memo);
    await waitFor(page, ['Language Access Plan for City Services']);
    timings.newFile = Date.now() - t0;
    await page.getByRole('link', { name: 'Language Access Plan for City Services' }).click();
    await waitFor(page, ['Language Access Plan for City Services', 'Receive and file the draft Language Access Plan.', 'June 10, 2025']);
    await shot('preview-new-memo.png');
    console.log(`ok   a new memo, listed ${timings.newFile} ms after the file was saved`);

    const pdfLink = page.getByRole('link', { name: 'Open the PDF' });
    const href = await pdfLink.getAttribute('href');
    check(href === '/riverton-eq-2025-06-10-item-1.pdf', `the PDF link is ${href}`);
    t0 = Date.now();
    const pdf = await page.request.get(new URL(href, base).href, { timeout: 120000 });
    timings.pdf = Date.now() - t0;
    check(pdf.status() === 200, `the PDF answered ${pdf.status()}`);
    check(pdf.headers()['content-type'] === 'application/pdf', `the PDF came as ${pdf.headers()['content-type']}`);
    const bytes = await pdf.body();
    check(bytes.subarray(0, 5).toString('latin1') === '%PDF-', 'the PDF does not start with %PDF-');
    console.log(`ok   its PDF (${bytes.length} bytes) made on demand in ${timings.pdf} ms`);

    check(refused.length === 0, `requests to other addresses: ${refused.join(', ')}`);
    const real = problems.filter((p) => !p.includes('favicon'));
    check(real.length === 0, `the browser reported: ${real.join('; ')}`);
    console.log(`preview-e2e: all checks passed; ms from save to page: ${JSON.stringify(timings)}`);
  } catch (e) {
    if (shots) await page.screenshot({ path: join(shots, 'preview-failure.png') }).catch(() => {});
    console.error(`preview-e2e: FAILED: ${e instanceof CheckFailed ? e.message : e.stack}`);
    process.exitCode = 1;
  } finally {
    await browser.close().catch(() => {});
  }
}

main().catch((e) => {
  console.error(`preview-e2e: ${e.stack}`);
  process.exit(2);
});
