/** The HTML page: every value from the records escaped, self-contained, accessible structure. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, html, renderReportHtml, SafeHtml } from '../../src/report/html.ts';
import { buildReport } from '../../src/report/model.ts';
import { attemptOf, CHECK_NAMES, lessonOfRole, NOW, outline, progressWith, suspendDataOf } from './fixtures.ts';

const EVIL = '<script>alert("x")</script>';
const scenario = lessonOfRole('assessment').scenarios[0];
if (!scenario) throw new Error('the course needs a final rewrite');

const model = buildReport(
  [
    attemptOf({
      team: `"><img src=x onerror=alert(1)>`,
      committed_at: '2024-06-03T12:00:00Z',
      cmi: {
        learner_id: `id-${EVIL}`,
        learner_name: EVIL,
        completion_status: 'completed',
        success_status: 'passed',
        score: { raw: '90' },
        suspend_data: suspendDataOf(progressWith({ score: 40, checks: { subject: 30 } }, 90, { concise: 90 })),
        interactions: { '0': { id: `${scenario.id}_1`, type: 'long-fill-in', learner_response: `Hi <b>team</b> & "all" ${EVIL}`, result: 'correct' } },
      },
    }),
    attemptOf({ cmi: { learner_id: 'plain', learner_name: 'Ana & Bo', completion_status: 'incomplete' } }),
  ],
  outline,
  { checkNames: CHECK_NAMES, now: NOW },
  [{ where: `bad${EVIL}.jsonl:2`, message: 'not valid JSON; line skipped', skipped: true }],
);
const page = renderReportHtml(model);

describe('html', () => {
  it('escapes interpolated text and keeps SafeHtml as is', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
    assert.equal(html`<p title="${'"x"'}">${['<i>', html`<b>ok</b>`]} ${null}${3}</p>`.value, '<p title="&#34;x&#34;">&#60;i&#62;<b>ok</b> 3</p>');
    assert.ok(html`` instanceof SafeHtml);
  });
});

describe('renderReportHtml', () => {
  it('escapes every value from the records: names, ids, teams, rewrites, file names', () => {
    assert.equal(page.match(/<script>/g)?.length, 1, 'only the page\'s own script');
    assert.doesNotMatch(page, /<script>alert/);
    assert.doesNotMatch(page, /<img/);
    assert.doesNotMatch(page, /<b>team/);
    assert.ok(page.includes('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;'));
    assert.ok(page.includes('Hi &#60;b&#62;team&#60;/b&#62; &#38; &#34;all&#34;'));
    assert.ok(page.includes('Ana &#38; Bo'));
    assert.ok(page.includes('data-team="&#34;&#62;&#60;img src=x onerror=alert(1)&#62;"'));
    assert.ok(page.includes('bad&#60;script&#62;'));
  });

  it('is one self-contained page: no external scripts, styles, images or fonts', () => {
    assert.match(page, /^<!doctype html>\n<html lang="en">/);
    assert.doesNotMatch(page, /<(?:link|img|iframe|object|embed|video|audio)\b|<script[^>]*\ssrc=|@import|url\(/i);
    assert.doesNotMatch(page, /https?:\/\//);
    assert.match(page, /<style>[^]*@media print[^]*<\/style>/);
  });

  it('has landmarks, headings in order, a caption and header scopes on every table, labelled filters', () => {
    for (const landmark of ['<header>', '<nav aria-label="Sections">', '<main>', '<footer']) assert.ok(page.includes(landmark), landmark);
    const levels = [...page.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    assert.equal(levels[0], 1);
    levels.forEach((level, i) => assert.ok(i === 0 || level <= (levels[i - 1] ?? 1) + 1, `heading h${level} after h${levels[i - 1]}`));
    const tables = page.split('<table').slice(1);
    assert.ok(tables.length >= 4);
    for (const table of tables) {
      assert.match(table, /^[^>]*>\s*<caption/, 'every table has a caption');
      assert.doesNotMatch(table.split('</table>')[0] ?? '', /<th(?![^>]*scope=)[\s>]/, 'every th has a scope');
    }
    for (const id of ['filter-team', 'filter-status', 'filter-from', 'filter-to']) assert.match(page, new RegExp(`<label for="${id}">`));
    assert.match(page, /<svg role="img" aria-labelledby="mastery-caption"/);
    assert.match(page, /:focus-visible/);
  });

  it('shows headline figures, the learners table and a drill-down per learner with their rewrites', () => {
    assert.match(page, /id="figure-completion"[^>]*>50%</);
    assert.match(page, /id="figure-pass"[^>]*>50%</);
    assert.match(page, /id="figure-score"[^>]*>90</);
    assert.match(page, /<details id="learner-1">/);
    assert.ok(page.includes(`<strong>${escapeHtml(scenario.title)}</strong>`));
    assert.match(page, /Check concise <b>90<\/b>/);
  });

  it('ranks a skill among the learners assessed on it, and counts the others apart', () => {
    // One learner finished (concise scored 90), one hasn't reached any skill.
    assert.match(page, /<tr id="skill-concise"><th scope="row">Check concise<\/th><td>100% mastered \(1 of 1 assessed\); 1 not yet assessed<\/td>/);
    assert.match(page, /<tr id="skill-follow-up"><th scope="row">Check follow-up<\/th><td>not yet assessed<\/td>/);
    assert.match(page, /<li><a href="#skill-concise">Check concise<\/a>: 100% mastered \(1 of 1 assessed\); 1 not yet assessed<\/li>/);
  });

  it("on a server's page, offers the CSV and signing out as styled controls, with no separator", () => {
    assert.ok(!page.includes('class="actions"'), 'no server controls in a report written to disk');
    const served = renderReportHtml(model, {
      managerActions: { csvHref: '/manager/report.csv', signOutAction: '/manager/logout', learnersHref: '/manager/learners', csrf: 'tok"en' },
    });
    const actions = /<nav class="actions" aria-label="Manager">(.*?)<\/nav>/.exec(served)?.[1] ?? '';
    assert.equal(
      actions,
      '<a href="/manager/report.csv" download>Download the learners as CSV</a><a href="/manager/learners">Learners and their personal links</a>' +
        '<form method="post" action="/manager/logout"><input type="hidden" name="csrf" value="tok&#34;en"><button type="submit">Sign out</button></form>',
    );
    assert.match(served, /\.actions button \{[^}]*border: 2px solid var\(--accent\)/, 'the button is styled');
  });

  it('says so when the records hold scores but no learner text', () => {
    const noText = buildReport(
      [attemptOf({ cmi: { learner_id: 'a', learner_name: 'A', completion_status: 'completed', suspend_data: suspendDataOf(progressWith({ score: 40, checks: {} }, 90, {})) } })],
      outline,
      { checkNames: CHECK_NAMES, now: NOW },
    );
    assert.match(renderReportHtml(noText), /These records hold no rewritten text/);
  });
});
