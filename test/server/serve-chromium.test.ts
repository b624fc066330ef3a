// The self-hosted server in Chromium: a learner signs in through the form, the course loads in
// the iframe with scorm-again (2004) on the host page, seeded with the learner from the records.
// It builds the course into a temporary folder first; axe checks every page a person sees.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildCourse } from '../../src/build/course-build.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumMissing } from '../../src/node/chromium-launch.ts';
import { loadCourseForReport } from '../../src/server/manager-report.ts';
import { ensurePasscode } from '../../src/server/passcode.ts';
import { openRecordsDb, recordsFileIn, type RecordsDb } from '../../src/server/records-db.ts';
import { bundleLearnerScript, startCourseServer, type CourseServer } from '../../src/server/routes.ts';

const skip = chromiumMissing();
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A/AA violations on the page. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
  )) as string[];
}

describe('self-hosted server in Chromium', { skip }, () => {
  let dir: string;
  let db: RecordsDb;
  let server: CourseServer;
  let browser: Browser;
  let personalLink = '';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'serve-chromium-'));
    const courseDir = join(dir, 'web');
    await buildCourse(courseDir);
    db = openRecordsDb(recordsFileIn(dir));
    await ensurePasscode(db, { MANAGER_PASSCODE: 'chromium-test-passcode' });
    server = await startCourseServer({ db, courseDir, hostScript: await bundleLearnerScript(), reportCourse: loadCourseForReport(), courseTitle: 'Email etiquette', port: 0, log: () => undefined });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs in and shows the course in the iframe with the LMS API ready', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // bypassCSP lets axe and playwright's string predicates run on pages that forbid scripts.
    await page.goto(server.url);
    assert.deepEqual(await axeViolations(page), [], 'axe on the sign-in page');
    await page.getByLabel('Your name').fill('Gil Chromium');
    await page.getByLabel('Work email').fill('gil@example.com');
    await page.getByRole('button', { name: 'Start the course' }).click();
    await page.locator('#personal-link').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe on the welcome page');
    personalLink = (await page.locator('#personal-link').textContent()) ?? '';
    await Promise.all([page.waitForURL(/\/learn$/), page.getByRole('link', { name: 'Go to the course' }).click()]);
    await page.waitForFunction('typeof window.API_1484_11 === "object" && window.API_1484_11 !== null');
    const learnerId: unknown = await page.evaluate('window.API_1484_11.cmi.learner_id');
    assert.equal(learnerId, 'gil-at-example.com');
    const frame = page.frameLocator('#course-frame');
    await frame.locator('body *').first().waitFor({ timeout: 15_000 });
    assert.match(await page.locator('#course-frame').getAttribute('src') ?? '', /\/course\/$/);
    // The course initialises the API once it starts.
    await page.waitForFunction('window.API_1484_11.isInitialized()', undefined, { timeout: 15_000 });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('a personal link clicked on another site (webmail) opens the course, under the pages\' own CSP; signing out clears the browser copy', async () => {
    assert.match(personalLink, /\/l\//);
    // "Webmail": a page on another site (localhost is not 127.0.0.1's site) linking to the course.
    const mail = createServer((_req, res) => res.end(`<!doctype html><title>Mail</title><a id="link" href="${personalLink}">your course link</a>`));
    await new Promise<void>((done) => mail.listen(0, 'localhost', done));
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) problems.push(m.text());
    });
    try {
      await page.goto(`http://localhost:${(mail.address() as AddressInfo).port}/`);
      await Promise.all([page.waitForURL(/\/l\//), page.locator('#link').click()]);
      await Promise.all([page.waitForURL(/\/learn$/), page.getByRole('button', { name: 'Continue to the course' }).click()]);
      await page.waitForFunction('window.API_1484_11 && window.API_1484_11.isInitialized()', undefined, { timeout: 15_000 });
      assert.equal(await page.evaluate('window.API_1484_11.cmi.learner_id'), 'gil-at-example.com');
      await page.waitForFunction('Object.keys(localStorage).some((k) => k.startsWith("email-course:"))', undefined, { timeout: 15_000 });
      await Promise.all([page.waitForURL(/\/$/), page.getByRole('button', { name: 'Sign out' }).click()]);
      const left = (await page.evaluate('Object.keys(localStorage).filter((k) => k.startsWith("email-course"))')) as string[];
      assert.deepEqual(left, [], 'the course copy is gone after signing out');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
      mail.close();
    }
  });

  it('shows the manager the report, rendered from the records, after the passcode', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(new URL('/manager', server.url).href);
    assert.deepEqual(await axeViolations(page), [], 'axe on the passcode page');
    await page.getByLabel('Passcode').fill('chromium-test-passcode');
    await Promise.all([page.waitForURL(/\/manager\/report$/), page.getByLabel('Passcode').press('Enter')]);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.match(await page.content(), /Gil Chromium/, 'the learner who signed in is listed');
    assert.deepEqual(await axeViolations(page), [], 'axe on the report page');
    await page.close();

    // Under its real CSP (no bypass): the report's own inline script and styles run, nothing is refused.
    const context = await browser.newContext();
    const strict = await context.newPage();
    const refused: string[] = [];
    strict.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) refused.push(m.text());
    });
    strict.on('pageerror', (e) => refused.push(e.message));
    try {
      await strict.goto(new URL('/manager', server.url).href);
      await strict.getByLabel('Passcode').fill('chromium-test-passcode');
      await Promise.all([strict.waitForURL(/\/manager\/report$/), strict.getByLabel('Passcode').press('Enter')]);
      await Promise.all([strict.waitForURL(/\/manager\/learners$/), strict.getByRole('link', { name: 'Learners and their personal links' }).click()]);
      await strict.getByRole('rowheader', { name: 'Gil Chromium' }).waitFor();
      assert.deepEqual(refused, []);
    } finally {
      await context.close();
    }
  });
});
