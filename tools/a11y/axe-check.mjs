#!/usr/bin/env node
// Runs axe-core over every *.html file in the given folders (not their subfolders) or the given
// .html files, in
// Debian's headless Chromium, driven by playwright-core, and checks WCAG 2.1 level A and AA
// (axe tags wcag2a, wcag2aa, wcag21a, wcag21aa; --best-practice adds axe's best practices, such
// as one h1, heading order and landmarks).
//
//   node axe-check.mjs [--best-practice] [--json FILE] DIR_OR_FILE...
//
// Prints every violation (rule, impact, help, the element's selector and HTML, the file), a
// count per rule, what axe could not decide (listed for review, not failures), and a closing line "axe: N passed, M failed" counting files. Exits 0 when no
// file has a violation, 1 when one has (or could not be checked), 2 on a usage or setup error.
//
// Environment: REAP_CHROMIUM (default /usr/bin/chromium), REAP_AXE_PAGE_TIMEOUT_MS (default
// 60000: the most one page may take to load and be checked). Pages are opened from file:// URLs;
// every request that is not file: or data: is refused, so a check never touches the network.

import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const CHROMIUM = process.env.REAP_CHROMIUM || '/usr/bin/chromium';
const PAGE_TIMEOUT_MS = Number(process.env.REAP_AXE_PAGE_TIMEOUT_MS || 60000);
const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

function usage(message) {
  if (message) console.error(`axe-check: ${message}`);
  console.error('usage: node axe-check.mjs [--best-practice] [--json FILE] DIR_OR_FILE...');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { tags: [...TAGS], json: null, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--best-practice') opts.tags.push('best-practice');
    else if (a === '--json') opts.json = argv[++i] ?? usage('--json needs a file name');
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else opts.inputs.push(a);
  }
  if (opts.inputs.length === 0) usage('name at least one folder');
  return opts;
}

function htmlFiles(inputs) {
  const files = [];
  const list = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isFile() && entry.name.toLowerCase().endsWith('.html')) files.push(join(dir, entry.name));
    }
  };
  for (const input of inputs) {
    let st;
    try {
      st = statSync(input);
    } catch {
      usage(`no such folder or file: ${input}`);
    }
    if (st.isDirectory()) list(input);
    else files.push(input);
  }
  return files.map((f) => resolve(f));
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function oneLine(s, max = 240) {
  const t = String(s).replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const files = htmlFiles(opts.inputs);
  if (files.length === 0) {
    console.error(`axe-check: no .html files under ${opts.inputs.join(', ')}`);
    process.exit(2);
  }

  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    console.error(`axe-check: playwright-core is not installed (run "npm ci" in tools/a11y): ${e.message}`);
    process.exit(2);
  }
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const axeVersion = require('axe-core/package.json').version;

  const userDataDir = mkdtempSync(join(tmpdir(), 'reap-axe-profile-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: LAUNCH_ARGS,
      timeout: 60000,
      viewport: { width: 1280, height: 900 },
      offline: false,
    });
  } catch (e) {
    rmSync(userDataDir, { recursive: true, force: true });
    console.error(`axe-check: could not start Chromium at ${CHROMIUM}: ${oneLine(e.message, 600)}`);
    console.error('axe-check: install it with "apt-get install -y chromium" or set REAP_CHROMIUM');
    process.exit(2);
  }
  await context.route('**/*', (route) => {
    const url = route.request().url();
    return url.startsWith('file:') || url.startsWith('data:') ? route.continue() : route.abort();
  });

  const browserVersion = context.browser()?.version() ?? 'unknown';
  console.log(`axe-core ${axeVersion} in Chromium ${browserVersion}; tags ${opts.tags.join(', ')}; ${files.length} file(s)`);

  const started = Date.now();
  const cwd = process.cwd();
  const perRule = new Map();
  const review = new Map();
  const report = [];
  let passed = 0;
  let failed = 0;

  for (const file of files) {
    const name = relative(cwd, file) || file;
    const t0 = Date.now();
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    try {
      const result = await withTimeout((async () => {
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        await page.evaluate(axeSource);
        return page.evaluate((tags) => window.axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations', 'incomplete'],
        }), opts.tags);
      })(), PAGE_TIMEOUT_MS, `checking ${name}`);

      const violations = result.violations;
      for (const v of result.incomplete) {
        const entry = review.get(v.id) ?? { elements: 0, files: new Set() };
        entry.elements += v.nodes.length;
        entry.files.add(name);
        review.set(v.id, entry);
      }
      const nodes = violations.reduce((n, v) => n + v.nodes.length, 0);
      report.push({ file: name, violations, incomplete: result.incomplete });
      if (violations.length === 0) {
        passed++;
        console.log(`ok    ${name} (${Date.now() - t0} ms)`);
      } else {
        failed++;
        console.log(`FAIL  ${name}: ${violations.length} rule(s), ${nodes} element(s) (${Date.now() - t0} ms)`);
        for (const v of violations) {
          const entry = perRule.get(v.id) ?? { impact: v.impact, help: v.help, elements: 0, files: new Set() };
          entry.elements += v.nodes.length;
          entry.files.add(name);
          perRule.set(v.id, entry);
          console.log(`  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}`);
          console.log(`    ${v.helpUrl}`);
          for (const n of v.nodes) {
            console.log(`    - ${n.target.join(' ')}`);
            console.log(`      ${oneLine(n.html)}`);
            if (n.failureSummary) console.log(`      ${oneLine(n.failureSummary, 400)}`);
            console.log(`      in ${name}`);
          }
        }
      }
    } catch (e) {
      failed++;
      report.push({ file: name, error: e.message });
      console.log(`FAIL  ${name}: could not be checked: ${oneLine(e.message, 600)}`);
    } finally {
      await withTimeout(page.close(), 10000, 'closing the page').catch(() => {});
    }
  }

  await withTimeout(context.close(), 20000, 'closing Chromium').catch(() => {});
  rmSync(userDataDir, { recursive: true, force: true });

  if (perRule.size > 0) {
    console.log('\nviolations by rule:');
    for (const [id, e] of [...perRule].sort((a, b) => b[1].elements - a[1].elements)) {
      console.log(`  ${id} (${e.impact}): ${e.elements} element(s) in ${e.files.size} file(s): ${e.help}`);
    }
  }
  if (review.size > 0) {
    console.log('\nnot decided by axe (to review by hand, not failures; e.g. text inside SVG charts):');
    for (const [id, e] of [...review].sort((a, b) => b[1].elements - a[1].elements)) {
      console.log(`  ${id}: ${e.elements} element(s) in ${e.files.size} file(s)`);
    }
  }
  if (opts.json) writeFileSync(opts.json, JSON.stringify(report, null, 2));
  console.log(`axe took ${((Date.now() - started) / 1000).toFixed(1)} s for ${files.length} file(s)`);
  console.log(`axe: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(`axe-check: ${e.stack || e.message}`);
  process.exit(2);
});
