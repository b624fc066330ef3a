/**
 * The report `npm run report` writes for docs/example-records.jsonl, opened in Chromium from
 * disk: the headline figures, no axe-core violations (WCAG 2.1 A and AA), sorting by keyboard,
 * filtering, and print styles.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumMissing } from '../../src/node/chromium-launch.ts';
import { REPO_ROOT } from '../cli/run-tool.ts';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

function npmRunReport(out: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'report', '--', 'docs/example-records.jsonl', '--out', out], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.addScriptTag({ path: AXE_PATH });
  // A string, not a function: tsx's compiled helpers don't exist inside the page.
  const found: unknown = await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((r) => r.violations.map((v) => v.id + ': ' + v.help + ' at ' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')))`);
  assert.ok(Array.isArray(found));
  return found.map(String);
}

const rowNames = (page: Page) => page.$$eval('#learner-table tbody tr:not([hidden]) th a', (links) => links.map((a) => (a.textContent ?? '').trim()));

describe('the report from npm run report, in Chromium', { skip: chromiumMissing() }, () => {
  let dir = '';
  let browser: Browser;
  let page: Page;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'report-chromium-'));
    const run = await npmRunReport(dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^report: 5 learners from 6 records/);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Nothing may leave the page: it is one self-contained file.
    await page.route(/^(?!file:)/, (route) => {
      errors.push(`request to ${route.request().url()}`);
      return route.abort();
    });
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
    assert.deepEqual(errors, []);
  });

  after(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('shows the headline figures', async () => {
    const figure = (id: string) => page.textContent(`#${id}`).then((t) => (t ?? '').trim());
    assert.equal(await figure('figure-completion'), '60%');
    assert.equal(await figure('figure-pass'), '40%');
    assert.equal(await figure('figure-score'), '87');
    assert.equal(await figure('figure-time'), '1 h 11 min');
    assert.equal(await figure('figure-improvement'), '+55 points');
    assert.equal(await page.textContent('#figure-completion-detail'), '3 of 5 learners finished the course');
    assert.deepEqual(await rowNames(page), ['Ola Nordmann', 'Priya Natarajan', "Sam O'Brien", 'Tomás Álvarez', 'Wei Chen']);
  });

  it('has no axe-core violations (WCAG 2.1 A and AA), with every learner\'s details closed and open', async () => {
    assert.deepEqual(await axeViolations(page), []);
    await page.$$eval('details', (all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    assert.deepEqual(await axeViolations(page), []);
    await page.$$eval('details', (all) => all.forEach((d) => ((d as HTMLDetailsElement).open = false)));
  });

  it('sorts the learners by keyboard: Tab to a column button, Enter, Enter again to reverse', async () => {
    await page.focus('body');
    let label = '';
    for (let i = 0; i < 100 && label !== 'Score'; i += 1) {
      await page.keyboard.press('Tab');
      label = await page.evaluate('document.activeElement && document.activeElement.getAttribute("data-label") || ""');
    }
    assert.equal(label, 'Score', 'the Score column is reachable by Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute('th[data-key="score"]', 'aria-sort'), 'ascending');
    assert.equal(await page.getAttribute('th[data-key="name"]', 'aria-sort'), null);
    assert.deepEqual(await rowNames(page), ['Wei Chen', 'Tomás Álvarez', 'Priya Natarajan', 'Ola Nordmann', "Sam O'Brien"]);
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute('th[data-key="score"]', 'aria-sort'), 'descending');
    assert.deepEqual(await rowNames(page), ['Priya Natarajan', 'Tomás Álvarez', 'Wei Chen', 'Ola Nordmann', "Sam O'Brien"]);
    assert.equal(await page.textContent('#table-status'), 'Showing all 5 learners. Sorted by Score, descending.');
    await page.keyboard.press('Space');
    assert.equal(await page.getAttribute('th[data-key="score"]', 'aria-sort'), 'ascending');
  });

  it('filters the table and the drill-down by status and team', async () => {
    await page.selectOption('#filter-status', 'passed');
    assert.deepEqual((await rowNames(page)).sort(), ['Priya Natarajan', 'Tomás Álvarez']);
    assert.equal(await page.textContent('#table-status'), 'Showing 2 of 5 learners. Sorted by Score, ascending.');
    assert.equal(await page.$$eval('#rewrites details:not([hidden])', (d) => d.length), 2);
    await page.selectOption('#filter-status', '');
    await page.selectOption('#filter-team', 'Support');
    assert.deepEqual((await rowNames(page)).sort(), ['Ola Nordmann', 'Wei Chen']);
    await page.click('button[type="reset"]');
    await page.waitForFunction('document.querySelectorAll("#learner-table tbody tr:not([hidden])").length === 5');
  });

  it("opens a learner's rewrites from their name", async () => {
    await page.click('#learner-table a:text("Priya Natarajan")');
    const open = await page.$eval('details:has(summary:text("Priya Natarajan"))', (d) => (d as HTMLDetailsElement).open);
    assert.equal(open, true);
  });

  it('prints without the filters and sort controls', async () => {
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.$eval('#filters', (el) => getComputedStyle(el).display), 'none');
    assert.equal(await page.$eval('nav', (el) => getComputedStyle(el).display), 'none');
    await page.emulateMedia({ media: 'screen' });
  });
});
