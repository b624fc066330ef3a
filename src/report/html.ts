/**
 * The manager report as one self-contained HTML page: inline CSS, inline SVG charts each with a
 * data table beside it, and a small inline script that only filters and sorts the learners
 * table. Every value from the records goes through `html`, which escapes it.
 */
import type { CheckId } from '../analyzer/index.ts';
import { NONE, STATUS_LABELS, isoDate, percent, plural, readableDate, readableDuration, signed, whole } from './format.ts';
import { STATUS_ORDER, type CheckName, type LearnerReport, type ReportModel, type RewriteRecord, type SkillSummary } from './model.ts';
import { formatProblem, LEARNER_STATUSES } from './records.ts';

/** Markup that is already safe: only `html` makes one. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = SafeHtml | string | number | null | undefined | false | readonly Part[];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return (part as readonly Part[]).map(render).join('');
  return escapeHtml(String(part));
}

/** A template whose interpolations are escaped unless they are SafeHtml themselves. */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** What a course server adds to its report page; `csrf` is the manager session's form token. */
export interface ManagerActions {
  csvHref: string;
  signOutAction: string;
  learnersHref?: string;
  csrf?: string;
}

export interface HtmlOptions {
  /** Shown under the title, e.g. which files the records came from. */
  sourceNote?: string;
  /** A server's page: where the CSV download is and where signing out posts to. */
  managerActions?: ManagerActions;
}

/** The page's inline CSS and script, exported so a server can allow them by hash in a Content-Security-Policy. */
export const REPORT_STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #4a5260; --line: #c9ced6; --soft: #f3f5f8; --accent: #1d4f91; --accent-ink: #ffffff; --bar-diag: #5f6672; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #fff; }
.skip { position: absolute; left: 1rem; top: -3rem; background: var(--accent); color: var(--accent-ink); padding: .5rem 1rem; z-index: 2; }
.skip:focus { top: 1rem; }
header, main, footer, nav { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.5rem; }
.eyebrow { margin: 0; color: var(--muted); font-weight: 600; text-transform: uppercase; letter-spacing: .05em; font-size: .85rem; }
h1 { margin: .25rem 0 .5rem; font-size: 1.9rem; line-height: 1.2; }
h2 { margin: 2.5rem 0 .75rem; font-size: 1.45rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
h3 { margin: 1.75rem 0 .5rem; font-size: 1.15rem; }
a { color: var(--accent); }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; padding: 0; margin: .75rem 0 0; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .75rem; margin: 0; }
.figure { border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; background: var(--soft); }
.figure dt { font-weight: 600; color: var(--muted); }
.figure .value { margin: 0; font-size: 2rem; font-weight: 700; line-height: 1.2; }
.figure .detail { margin: 0; color: var(--muted); font-size: .9rem; }
.pair { display: grid; grid-template-columns: minmax(0, 35rem) minmax(0, 1fr); gap: 1.5rem; align-items: start; }
@media (max-width: 60rem) { .pair { grid-template-columns: 1fr; } }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: .5rem; }
svg { max-width: 100%; height: auto; display: block; }
svg text { font: 13px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
.legend { display: flex; gap: 1.25rem; margin: .5rem 0 0; padding: 0; list-style: none; font-size: .9rem; }
.swatch { display: inline-block; width: .9rem; height: .9rem; margin-right: .35rem; vertical-align: -.1rem; border: 1px solid var(--ink); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding-bottom: .4rem; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { background: var(--soft); border-bottom: 2px solid var(--muted); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
th[scope="row"] { font-weight: 600; }
th button { font: inherit; font-weight: 700; color: var(--ink); background: none; border: 1px solid transparent; border-radius: .25rem; padding: .1rem .3rem; margin: -.1rem -.3rem; cursor: pointer; }
th button:hover { border-color: var(--muted); }
.arrow::after { content: "↕"; margin-left: .3rem; color: var(--muted); }
th[aria-sort="ascending"] .arrow::after { content: "▲"; color: var(--ink); }
th[aria-sort="descending"] .arrow::after { content: "▼"; color: var(--ink); }
.badge { display: inline-block; padding: .05rem .5rem; border-radius: 1rem; font-size: .85rem; font-weight: 600; white-space: nowrap; border: 1px solid currentColor; }
.status-passed { background: #e3f1e6; color: #1e5c2e; }
.status-failed { background: #fbe3e3; color: #8f1d1d; }
.status-completed { background: #e3ebf7; color: #1d4f91; }
.status-incomplete { background: #fdf0d5; color: #6b4a00; }
.status-not-attempted { background: #eceef1; color: #3f4650; }
.filters { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: end; border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; margin: 0 0 .75rem; }
.filters label { display: block; font-weight: 600; font-size: .9rem; }
.filters select, .filters input, .filters button { font: inherit; padding: .3rem .4rem; border: 1px solid var(--muted); border-radius: .25rem; background: #fff; color: var(--ink); }
.filters button { cursor: pointer; }
.filters p { margin: 0; }
.note { color: var(--muted); }
#table-status { font-weight: 600; }
details { border: 1px solid var(--line); border-radius: .5rem; margin: .5rem 0; padding: 0 1rem; }
details[open] { padding-bottom: 1rem; }
summary { cursor: pointer; padding: .6rem 0; font-weight: 600; }
.rewrites { list-style: none; padding: 0; margin: 0; }
.rewrites > li { border-top: 1px solid var(--line); padding: .75rem 0; }
.rewrites .head { margin: 0; }
.check-scores { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; padding: 0; margin: .35rem 0; font-size: .9rem; color: var(--muted); }
.check-scores b { color: var(--ink); }
blockquote { margin: .5rem 0 0; padding: .5rem .75rem; background: var(--soft); border-left: 4px solid var(--muted); white-space: pre-wrap; overflow-wrap: anywhere; }
footer { margin-top: 3rem; padding-bottom: 2rem; color: var(--muted); font-size: .9rem; border-top: 1px solid var(--line); }
footer h2 { font-size: 1.1rem; border: 0; color: var(--ink); }
.visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; margin: .75rem 0 0; }
.actions form { margin: 0; }
.actions a, .actions button { font: inherit; font-weight: 600; display: inline-block; padding: .35rem .9rem; border-radius: .25rem; border: 2px solid var(--accent); text-decoration: none; cursor: pointer; }
.actions a { background: var(--accent); color: var(--accent-ink); }
.actions button { background: #fff; color: var(--accent); }
.actions a:focus-visible, .actions button:focus-visible { outline: 3px solid var(--ink); outline-offset: 2px; }
@media print {
  body { font-size: 10.5pt; }
  .skip, nav, .filters, #table-status, .actions { display: none !important; }
  header, main, footer { max-width: none; padding: 0; }
  h2 { break-after: avoid; margin-top: 1.5rem; }
  .pair { grid-template-columns: 1fr; }
  svg { max-width: 32rem; }
  .figures { grid-template-columns: repeat(5, 1fr); }
  .figure .value { font-size: 1.4rem; }
  .figure, figure, tr, .rewrites > li { break-inside: avoid; }
  th button { border: 0; padding: 0; margin: 0; }
  .arrow { display: none; }
  .table-wrap { overflow: visible; }
  details { border: 0; padding: 0; }
  summary { list-style: none; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

// Plain ES5 so it runs in any browser an LMS administrator may use; reads only the page itself.
export const REPORT_SCRIPT = `
(function () {
  var table = document.getElementById('learner-table');
  var live = document.getElementById('table-status');
  if (!table || !live) return;
  var tbody = table.tBodies[0];
  var rows = function () { return Array.prototype.slice.call(tbody.rows); };
  var total = tbody.rows.length;
  var collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var shown = total;
  var sortNote = '';
  function announce() {
    live.textContent = (shown === total ? 'Showing all ' + total + ' learners.' : 'Showing ' + shown + ' of ' + total + ' learners.') + sortNote;
  }
  function value(row, index, numeric) {
    var cell = row.cells[index];
    var raw = cell ? cell.getAttribute('data-sort') : null;
    if (raw === null || raw === '') return null;
    return numeric ? Number(raw) : raw;
  }
  headers.forEach(function (th, index) {
    var button = th.querySelector('button');
    if (!button) return;
    button.addEventListener('click', function () {
      var direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      var numeric = th.getAttribute('data-type') === 'number';
      var sign = direction === 'ascending' ? 1 : -1;
      rows().sort(function (a, b) {
        var va = value(a, index, numeric);
        var vb = value(b, index, numeric);
        if (va === null || vb === null) {
          if (va !== vb) return va === null ? 1 : -1;
        } else {
          var order = numeric ? va - vb : collator.compare(va, vb);
          if (order !== 0) return sign * order;
        }
        return collator.compare(a.getAttribute('data-name'), b.getAttribute('data-name'));
      }).forEach(function (row) { tbody.appendChild(row); });
      headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', direction);
      sortNote = ' Sorted by ' + button.getAttribute('data-label') + ', ' + direction + '.';
      announce();
    });
  });
  var form = document.getElementById('filters');
  if (form) {
    form.hidden = false;
    var field = function (name) { var el = form.elements.namedItem(name); return el ? el.value : ''; };
    var apply = function () {
      var team = field('team'), status = field('status'), from = field('from'), to = field('to');
      shown = 0;
      rows().forEach(function (row) {
        var date = row.getAttribute('data-date');
        var ok = (!team || row.getAttribute('data-team') === team) && (!status || row.getAttribute('data-status') === status) &&
          (!(from || to) || (!!date && (!from || date >= from) && (!to || date <= to)));
        row.hidden = !ok;
        var detail = document.getElementById(row.getAttribute('data-details'));
        if (detail) detail.hidden = !ok;
        if (ok) shown += 1;
      });
      announce();
    };
    form.addEventListener('change', apply);
    form.addEventListener('input', apply);
    form.addEventListener('submit', function (event) { event.preventDefault(); apply(); });
    form.addEventListener('reset', function () { setTimeout(apply, 0); });
  }
  function openTarget(hash) {
    var target = hash && document.getElementById(hash.slice(1));
    if (target && target.tagName === 'DETAILS') target.open = true;
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[href^="#learner-"]');
    if (link) openTarget(link.getAttribute('href'));
  });
  openTarget(location.hash);
  var opened = [];
  window.addEventListener('beforeprint', function () {
    opened = Array.prototype.slice.call(document.querySelectorAll('details:not([open])'));
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () { opened.forEach(function (d) { d.open = false; }); });
})();
`;

function figure(id: string, label: string, value: string, detail: string): SafeHtml {
  return html`<div class="figure"><dt id="${id}-label">${label}</dt><dd class="value" id="${id}" aria-describedby="${id}-detail">${value}</dd><dd class="detail" id="${id}-detail">${detail}</dd></div>`;
}

function statusBadge(learner: LearnerReport): SafeHtml {
  return html`<span class="badge status-${learner.status}">${STATUS_LABELS[learner.status]}</span>`;
}

function headline(model: ReportModel): SafeHtml {
  const s = model.summary;
  const weakest =
    s.weakest.length === 0
      ? html`<p>No skill has been assessed yet.</p>`
      : html`<p>Weakest skills (lowest share of the learners assessed on them who mastered them; learners who haven't reached a skill yet don't count): </p><ol id="weakest-skills">${s.weakest.map(
          (k) => html`<li><a href="#skill-${k.check}">${k.name}</a>: ${masteryText(k)}</li>`,
        )}</ol>`;
  return html`<section id="summary" aria-labelledby="summary-heading">
<h2 id="summary-heading">At a glance</h2>
<dl class="figures">
${figure('figure-completion', 'Completion rate', percent(s.completionRate), `${s.finished} of ${plural(s.learners, 'learner')} finished the course`)}
${figure('figure-pass', 'Pass rate', percent(s.passRate), `${s.passed} of ${plural(s.learners, 'learner')} passed (pass mark ${model.course.passScore})`)}
${figure('figure-score', 'Average score', whole(s.averageScore), s.scored === 0 ? 'no scores yet' : `out of 100, over ${plural(s.scored, 'learner')} with a score`)}
${figure('figure-time', 'Average time spent', readableDuration(s.averageSeconds), s.timed === 0 ? 'no times recorded' : `per learner, over ${plural(s.timed, 'learner')}`)}
${figure('figure-improvement', 'Average improvement', s.averageImprovement === null ? NONE : `${signed(s.averageImprovement)} points`, s.improvers === 0 ? 'needs a diagnostic and a final score' : `diagnostic rewrite to final assessment, over ${plural(s.improvers, 'learner')}`)}
</dl>
${weakest}
</section>`;
}

const CHART_WIDTH = 560;

/** A chart label short enough for its column; the table beside the chart has it in full. */
function clipLabel(text: string, max = 22): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
const LABEL_WIDTH = 170;
const BAR_MAX = 260;

function masteryChart(model: ReportModel): SafeHtml {
  // Skills nobody has reached yet go last: no bar says nothing about them.
  const skills = [...model.summary.skills].sort((a, b) => (a.share ?? 2) - (b.share ?? 2) || (a.averageScore ?? 0) - (b.averageScore ?? 0));
  const rowHeight = 30;
  const height = skills.length * rowHeight + 10;
  const bars = skills.map((k, i) => {
    const y = 5 + i * rowHeight;
    const width = Math.round((k.share ?? 0) * BAR_MAX);
    return html`<g><text x="${LABEL_WIDTH - 8}" y="${y + 18}" text-anchor="end">${k.name}</text><rect x="${LABEL_WIDTH}" y="${y + 4}" width="${BAR_MAX}" height="20" fill="#eceef1"></rect><rect x="${LABEL_WIDTH}" y="${y + 4}" width="${width}" height="20" fill="#1d4f91"></rect><text x="${LABEL_WIDTH + BAR_MAX + 8}" y="${y + 18}">${k.share === null ? 'not yet assessed' : `${percent(k.share)} (${k.mastered} of ${k.assessed})`}</text></g>`;
  });
  return html`<figure><figcaption id="mastery-caption">Share of the learners assessed on each skill who mastered it, weakest first</figcaption>
<svg role="img" aria-labelledby="mastery-caption" aria-describedby="mastery-note" viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}">${bars}</svg>
<p class="note" id="mastery-note">The table with this chart holds the same figures. Mastered means a score of 80 or more on the skill.</p></figure>`;
}

/** "50% mastered (1 of 2 assessed)", and apart from it how many haven't reached the skill yet. */
function masteryText(k: SkillSummary): string {
  if (k.share === null) return 'not yet assessed';
  return `${percent(k.share)} mastered (${k.mastered} of ${k.assessed} assessed)${k.notAssessed > 0 ? `; ${k.notAssessed} not yet assessed` : ''}`;
}

function skillRow(k: SkillSummary): SafeHtml {
  return html`<tr id="skill-${k.check}"><th scope="row">${k.name}</th><td>${masteryText(k)}</td><td class="num">${whole(k.averageScore)}</td><td class="num">${whole(k.averageDiagnostic)}</td><td class="num">${whole(k.averageFinal)}</td></tr>`;
}

function skillsTable(model: ReportModel): SafeHtml {
  return html`<div class="table-wrap" role="region" aria-labelledby="skills-table-caption" tabindex="0"><table>
<caption id="skills-table-caption">Mastery by skill, with the team's average scores (0–100): overall, on the diagnostic rewrite and in the final assessment</caption>
<thead><tr><th scope="col">Skill</th><th scope="col">Mastered, of the learners assessed on it</th><th scope="col" class="num">Average score</th><th scope="col" class="num">Diagnostic</th><th scope="col" class="num">Final</th></tr></thead>
<tbody>${model.summary.skills.map((k) => skillRow(k))}</tbody></table></div>`;
}

function improvementSection(model: ReportModel): SafeHtml {
  const learners = model.learners.filter((l) => l.diagnosticScore !== null && l.finalScore !== null);
  const heading = html`<h3 id="improvement-heading">Improvement from the diagnostic rewrite to the final assessment</h3>`;
  if (learners.length === 0) {
    return html`${heading}<p>No learner has both a diagnostic and a final assessment score in these records yet (they come from the course's saved progress, <code>cmi.suspend_data</code>).</p>`;
  }
  const group = 56;
  const height = learners.length * group + 10;
  const bar = (y: number, value: number, fill: string, label: string) =>
    html`<rect x="${LABEL_WIDTH}" y="${y}" width="${Math.round((value / 100) * BAR_MAX)}" height="18" fill="${fill}"></rect><text x="${LABEL_WIDTH + Math.round((value / 100) * BAR_MAX) + 6}" y="${y + 14}">${Math.round(value)} ${label}</text>`;
  const groups = learners.map((l, i) => {
    const y = 5 + i * group;
    return html`<g><text x="${LABEL_WIDTH - 8}" y="${y + 28}" text-anchor="end">${clipLabel(l.name)}</text>${bar(y + 2, l.diagnosticScore ?? 0, '#5f6672', 'diagnostic')}${bar(y + 24, l.finalScore ?? 0, '#1d4f91', 'final')}</g>`;
  });
  return html`${heading}<div class="pair"><figure><figcaption id="improvement-caption">Diagnostic and final scores (0–100) per learner</figcaption>
<svg role="img" aria-labelledby="improvement-caption" aria-describedby="improvement-note" viewBox="0 0 ${CHART_WIDTH + 60} ${height}" width="${CHART_WIDTH + 60}" height="${height}">${groups}</svg>
<ul class="legend" aria-hidden="true"><li><span class="swatch" style="background:#5f6672"></span>Diagnostic rewrite</li><li><span class="swatch" style="background:#1d4f91"></span>Final assessment</li></ul>
<p class="note" id="improvement-note">Each bar is labelled with its score; the table with this chart holds the same figures.</p></figure>
<div class="table-wrap" role="region" aria-labelledby="improvement-table-caption" tabindex="0"><table>
<caption id="improvement-table-caption">Diagnostic and final assessment scores per learner</caption>
<thead><tr><th scope="col">Learner</th><th scope="col" class="num">Diagnostic</th><th scope="col" class="num">Final</th><th scope="col" class="num">Change</th></tr></thead>
<tbody>${learners.map((l) => html`<tr><th scope="row">${l.name}</th><td class="num">${whole(l.diagnosticScore)}</td><td class="num">${whole(l.finalScore)}</td><td class="num">${signed(l.improvement)}</td></tr>`)}</tbody>
</table></div></div>`;
}

function skillsSection(model: ReportModel): SafeHtml {
  return html`<section id="skills" aria-labelledby="skills-heading">
<h2 id="skills-heading">Skills</h2>
<h3 id="mastery-heading">Mastery by skill</h3>
<div class="pair">${masteryChart(model)}${skillsTable(model)}</div>
${improvementSection(model)}
</section>`;
}

interface Column {
  key: string;
  label: string;
  /** How the page's script compares the column's `data-sort` values. */
  type: 'text' | 'number';
  /** Figures are right-aligned. */
  figure: boolean;
  cell: (l: LearnerReport) => { sort: string | number | null; content: Part };
}

function columns(model: ReportModel): Column[] {
  const cols: Column[] = [
    { key: 'status', label: 'Status', type: 'number', figure: false, cell: (l) => ({ sort: STATUS_ORDER.indexOf(l.status), content: statusBadge(l) }) },
    { key: 'score', label: 'Score', type: 'number', figure: true, cell: (l) => ({ sort: l.score, content: whole(l.score) }) },
    { key: 'completed', label: 'Completed on', type: 'text', figure: false, cell: (l) => ({ sort: l.completedAt === null ? null : isoDate(l.completedAt), content: readableDate(l.completedAt) }) },
    { key: 'attempts', label: 'Attempts', type: 'number', figure: true, cell: (l) => ({ sort: l.attempts, content: l.attempts }) },
    { key: 'time', label: 'Time spent', type: 'number', figure: true, cell: (l) => ({ sort: l.seconds, content: readableDuration(l.seconds) }) },
    { key: 'mastered', label: 'Skills mastered', type: 'number', figure: true, cell: (l) => ({ sort: l.masteredCount, content: `${l.masteredCount} of ${model.checks.length}` }) },
    { key: 'improvement', label: 'Improvement', type: 'number', figure: true, cell: (l) => ({ sort: l.improvement, content: signed(l.improvement) }) },
  ];
  if (model.teams.length > 0) cols.unshift({ key: 'team', label: 'Team', type: 'text', figure: false, cell: (l) => ({ sort: l.team, content: l.team ?? NONE }) });
  return cols;
}

function sortButton(label: string): SafeHtml {
  return html`<button type="button" data-label="${label}">${label}<span class="arrow" aria-hidden="true"></span></button>`;
}

function filters(model: ReportModel): SafeHtml {
  const team =
    model.teams.length === 0
      ? ''
      : html`<div><label for="filter-team">Team</label><select id="filter-team" name="team"><option value="">All teams</option>${model.teams.map((t) => html`<option value="${t}">${t}</option>`)}</select></div>`;
  return html`<form id="filters" class="filters" aria-label="Filter learners" hidden>
${team}
<div><label for="filter-status">Status</label><select id="filter-status" name="status"><option value="">All statuses</option>${LEARNER_STATUSES.map((s) => html`<option value="${s}">${STATUS_LABELS[s]}</option>`)}</select></div>
<div><label for="filter-from">Active from</label><input id="filter-from" name="from" type="date"></div>
<div><label for="filter-to">Active until</label><input id="filter-to" name="to" type="date"></div>
<div><button type="reset">Show all learners</button></div>
</form>`;
}

function learnersSection(model: ReportModel): SafeHtml {
  const cols = columns(model);
  const rows = model.learners.map((l, i) => {
    const cells = cols.map((c) => {
      const { sort, content } = c.cell(l);
      return html`<td${c.figure ? html` class="num"` : ''} data-sort="${sort ?? ''}">${content}</td>`;
    });
    return html`<tr data-name="${l.name}" data-team="${l.team ?? ''}" data-status="${l.status}" data-date="${l.lastActiveAt === null ? '' : isoDate(l.lastActiveAt)}" data-details="learner-${i + 1}"><th scope="row" data-sort="${l.name}"><a href="#learner-${i + 1}">${l.name}</a></th>${cells}</tr>`;
  });
  const n = model.learners.length;
  return html`<section id="learners" aria-labelledby="learners-heading">
<h2 id="learners-heading">Learners</h2>
<p>Each learner's latest attempt. Select a column's name to sort by it (again to reverse); select a learner's name to see their rewrites. The figures above cover every learner in this report; the filters narrow the table and the rewrites below.</p>
${filters(model)}
<p id="table-status" role="status">Showing all ${plural(n, 'learner')}.</p>
<div class="table-wrap" role="region" aria-labelledby="learners-caption" tabindex="0"><table id="learner-table">
<caption id="learners-caption">Learners: status, score (0–100), completion date, attempts, time spent, skills mastered and improvement</caption>
<thead><tr><th scope="col" aria-sort="ascending" data-key="name" data-type="text">${sortButton('Name')}</th>${cols.map((c) => html`<th scope="col" data-key="${c.key}" data-type="${c.type}"${c.figure ? html` class="num"` : ''}>${sortButton(c.label)}</th>`)}</tr></thead>
<tbody>${rows}</tbody></table></div>
</section>`;
}

function checkScores(checks: Partial<Record<CheckId, number>>, names: readonly CheckName[]): SafeHtml {
  const scored = names.filter((c) => checks[c.id] !== undefined);
  if (scored.length === 0) return html``;
  return html`<ul class="check-scores" aria-label="Scores by check">${scored.map((c) => html`<li>${c.name} <b>${checks[c.id]}</b></li>`)}</ul>`;
}

function rewriteItem(r: RewriteRecord, names: readonly CheckName[], attempts: number): SafeHtml {
  const result = r.passed === null ? '' : r.passed ? 'passed' : 'not passed yet';
  const facts = [attempts > 1 ? `attempt ${r.attempt}` : '', r.tryNumber === null ? '' : `try ${r.tryNumber}`, result, r.score === null ? '' : `score ${r.score}`, r.at === null ? '' : readableDate(r.at)].filter(Boolean);
  return html`<li><p class="head"><strong>${r.scenarioTitle}</strong>${r.lessonTitle ? html` <span class="note">(${r.lessonTitle})</span>` : ''}: ${facts.join(', ')}</p>
${checkScores(r.checks, names)}
${r.text === null ? '' : html`<blockquote>${r.text}</blockquote>`}</li>`;
}

function learnerSkills(l: LearnerReport, names: readonly CheckName[]): SafeHtml {
  return html`<div class="table-wrap" role="region" aria-label="Skills of ${l.name}" tabindex="0"><table>
<caption>Skills of ${l.name} (0–100)</caption>
<thead><tr><th scope="col">Skill</th><th scope="col" class="num">Score</th><th scope="col">Mastered</th><th scope="col" class="num">Diagnostic</th><th scope="col" class="num">Final</th></tr></thead>
<tbody>${names.map((c) => {
    const o = l.checks[c.id];
    return html`<tr><th scope="row">${c.name}</th><td class="num">${whole(o.score)}</td><td>${o.mastered ? 'Yes' : o.score === null ? NONE : 'Not yet'}</td><td class="num">${whole(o.diagnostic)}</td><td class="num">${whole(o.final)}</td></tr>`;
  })}</tbody></table></div>`;
}

function learnerDetails(l: LearnerReport, index: number, model: ReportModel): SafeHtml {
  const noText = l.rewrites.length > 0 && !l.hasLearnerText;
  const rewrites =
    l.rewrites.length === 0
      ? html`<p>No rewrites in these records.</p>`
      : html`${noText ? html`<p class="note">These records hold no rewritten text (the course can be set to keep learners' text out of the LMS); scores only.</p>` : ''}
<ol class="rewrites" aria-label="Rewrites of ${l.name}">${l.rewrites.map((r) => rewriteItem(r, model.checks, l.attempts))}</ol>`;
  return html`<details id="learner-${index + 1}"><summary>${l.name}${l.team ? ` (${l.team})` : ''}: ${STATUS_LABELS[l.status]}, score ${whole(l.score)}, ${plural(l.rewrites.length, 'rewrite')}</summary>
<p>Learner id: ${l.id}. ${plural(l.attempts, 'attempt')}; last active ${readableDate(l.lastActiveAt)}.${l.improvement === null ? '' : ` Diagnostic rewrite ${whole(l.diagnosticScore)}, final assessment ${whole(l.finalScore)} (${signed(l.improvement)}).`}</p>
${learnerSkills(l, model.checks)}
${rewrites}
</details>`;
}

function detailsSection(model: ReportModel): SafeHtml {
  return html`<section id="rewrites" aria-labelledby="rewrites-heading">
<h2 id="rewrites-heading">Each learner's skills and rewrites</h2>
${model.learners.length === 0 ? html`<p>No learners in these records.</p>` : model.learners.map((l, i) => learnerDetails(l, i, model))}
</section>`;
}

/** Warnings listed in the page, of each kind. */
const PROBLEMS_LISTED = 200;

function footer(model: ReportModel): SafeHtml {
  const skipped = model.problems.filter((p) => p.skipped);
  const ignored = model.problems.filter((p) => !p.skipped);
  const list = (title: string, items: typeof model.problems) =>
    items.length === 0 ? '' : html`<h3>${title}</h3><ul>${items.slice(0, PROBLEMS_LISTED).map((p) => html`<li>${formatProblem(p)}</li>`)}${items.length > PROBLEMS_LISTED ? html`<li>…and ${items.length - PROBLEMS_LISTED} more</li>` : ''}</ul>`;
  return html`<footer aria-labelledby="about-heading">
<h2 id="about-heading">About this report</h2>
<p>Made ${readableDate(model.generatedAt)} from ${plural(model.records, 'record')} (learner attempts) of ${plural(model.learners.length, 'learner')}. For each learner the latest attempt gives the status, score and skills; time spent adds up every attempt. Dates are in UTC.</p>
${list('Records left out', skipped)}${list('Fields ignored', ignored)}
</footer>`;
}

/** A server's download, learners page and sign-out, as styled controls with no separator to dangle. */
function managerActions(actions: ManagerActions): SafeHtml {
  return html`<nav class="actions" aria-label="Manager"><a href="${actions.csvHref}" download>Download the learners as CSV</a>${
    actions.learnersHref ? html`<a href="${actions.learnersHref}">Learners and their personal links</a>` : html``
  }<form method="post" action="${actions.signOutAction}">${
    actions.csrf ? html`<input type="hidden" name="csrf" value="${actions.csrf}">` : html``
  }<button type="submit">Sign out</button></form></nav>`;
}

/** The whole page. */
export function renderReportHtml(model: ReportModel, options: HtmlOptions = {}): string {
  const title = `${model.course.title}: manager report`;
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new SafeHtml(REPORT_STYLE)}</style>
</head>
<body>
<a class="skip" href="#learners">Skip to the learners</a>
<header>
<p class="eyebrow">Manager report</p>
<h1>${model.course.title}</h1>
<p>${plural(model.learners.length, 'learner')}, made ${readableDate(model.generatedAt)}.${options.sourceNote ? ` ${options.sourceNote}` : ''}</p>
${options.managerActions ? managerActions(options.managerActions) : ''}
</header>
<nav aria-label="Sections"><ul><li><a href="#summary">At a glance</a></li><li><a href="#skills">Skills</a></li><li><a href="#learners">Learners</a></li><li><a href="#rewrites">Rewrites</a></li></ul></nav>
<main>
${headline(model)}
${skillsSection(model)}
${learnersSection(model)}
${detailsSection(model)}
</main>
${footer(model)}
<script>${new SafeHtml(REPORT_SCRIPT)}</script>
</body>
</html>
`;
  return page.value;
}
