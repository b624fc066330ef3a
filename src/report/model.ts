/**
 * The manager report as data: one row per learner (their latest attempt, with every attempt's
 * rewrites), the team's figures over any set of learners, and the filters and sorting the page
 * and the CSV share. Pure: the same model serves `npm run report` and a self-hosted server.
 */
import { CHECK_IDS, type CheckId } from '../analyzer/index.ts';
import type { CourseOutline } from '../content/outline.ts';
import { restoreProgress, type SavedProgress } from '../content/progress.ts';
import { courseResult, MASTERY_SCORE, type CourseResult } from '../flows/rules.ts';
import { scormId } from '../lms/cmi.ts';
import { decodeProgress } from '../lms/suspend-data.ts';
import type { LearnerAttempt, LearnerStatus, RecordProblem } from './records.ts';

export interface CheckOutcome {
  /** 0–100: the LMS's `skill_<check>` objective, else the course's result from saved progress. */
  score: number | null;
  /** The objective passed, or the score reaches the mastery score (80). */
  mastered: boolean;
  /** From saved progress: the diagnostic rewrite's score on this check, and the final assessment's. */
  diagnostic: number | null;
  final: number | null;
}

/** One submitted rewrite: from the LMS's interaction and, where saved, the course's own scores. */
export interface RewriteRecord {
  scenarioId: string;
  scenarioTitle: string;
  lessonTitle: string | null;
  /** Which try at this rewrite (1-based), when known. */
  tryNumber: number | null;
  /** Which of the learner's attempts (records) it belongs to, 1-based. */
  attempt: number;
  /**
   * The learner's email as the LMS kept it (on one line), with its line breaks back when it is
   * the draft kept in saved progress; null when the record holds no text.
   */
  text: string | null;
  passed: boolean | null;
  /** 0–100 against the scenario's rubric, from saved progress. */
  score: number | null;
  checks: Partial<Record<CheckId, number>>;
  /** Epoch ms. */
  at: number | null;
}

export interface LearnerReport {
  id: string;
  name: string;
  team: string | null;
  status: LearnerStatus;
  /** 0–100, the latest attempt's. */
  score: number | null;
  /** When the latest attempt was finished (passed, failed or completed), epoch ms. */
  completedAt: number | null;
  /** The latest date any attempt shows, epoch ms. */
  lastActiveAt: number | null;
  attempts: number;
  /** Over every attempt, in seconds; null when no record says. */
  seconds: number | null;
  checks: Record<CheckId, CheckOutcome>;
  masteredCount: number;
  diagnosticScore: number | null;
  finalScore: number | null;
  /** finalScore − diagnosticScore, when both are known. */
  improvement: number | null;
  rewrites: RewriteRecord[];
  /** Whether any rewrite's text is in the records. */
  hasLearnerText: boolean;
  /** Where each attempt was read. */
  sources: string[];
}

export interface SkillSummary {
  check: CheckId;
  name: string;
  /** Learners who mastered it. */
  mastered: number;
  /** Learners assessed on it: with a score on it, or mastered by the LMS's word. */
  assessed: number;
  /** Learners in view who haven't reached it yet: not counted as "not mastered". */
  notAssessed: number;
  /** mastered ÷ assessed, 0–1; null when nobody has been assessed on it. */
  share: number | null;
  averageScore: number | null;
  averageDiagnostic: number | null;
  averageFinal: number | null;
}

export interface TeamSummary {
  learners: number;
  /** Passed, failed or completed. */
  finished: number;
  passed: number;
  /** 0–1 over all learners in view; null when there are none. */
  completionRate: number | null;
  passRate: number | null;
  averageScore: number | null;
  /** Learners with a score. */
  scored: number;
  /** Over learners who started and have a time. */
  averageSeconds: number | null;
  timed: number;
  /** One per check, in the contract's order. */
  skills: SkillSummary[];
  /** Up to three assessed skills, lowest share of their assessed learners mastering them first. */
  weakest: SkillSummary[];
  averageImprovement: number | null;
  /** Learners with both a diagnostic and a final score. */
  improvers: number;
}

export interface CheckName {
  id: CheckId;
  name: string;
}

export interface ReportModel {
  course: { id: string; title: string; passScore: number };
  checks: CheckName[];
  learners: LearnerReport[];
  summary: TeamSummary;
  /** Every team named in the records, sorted. */
  teams: string[];
  /** Records read (attempts), and what was skipped or ignored. */
  records: number;
  problems: RecordProblem[];
  generatedAt: number;
}

export interface ReportOptions {
  /** Each check's name in plain words (lessons/ui/analysis.yaml). */
  checkNames: Readonly<Record<CheckId, string>>;
  /** Epoch ms: when the report is made. */
  now: number;
}

export const FINISHED: readonly LearnerStatus[] = ['passed', 'failed', 'completed'];

interface AttemptView {
  record: LearnerAttempt;
  result: CourseResult | null;
  startedAt: number | null;
  date: number | null;
  rewrites: RewriteRecord[];
}

const REWRITE_TYPES = new Set(['long-fill-in', 'fill-in']);

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function max(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : Math.max(...known);
}

/** The course's results from the record's suspend_data, or null (with a note) when unusable. */
function resultOf(record: LearnerAttempt, outline: CourseOutline, now: number, problems: RecordProblem[]): { result: CourseResult; startedAt: number; progress: SavedProgress } | null {
  if (record.suspendData === '') return null;
  const decoded = decodeProgress(record.suspendData);
  const note = (message: string) => problems.push({ where: record.source, message, skipped: false });
  if (decoded === undefined) {
    note("cmi.suspend_data is not this course's saved progress (or is damaged); skill scores come from the objectives only");
    return null;
  }
  const courseId = typeof decoded === 'object' && decoded !== null ? (decoded as { courseId?: unknown }).courseId : undefined;
  if (courseId !== outline.id) {
    note(`cmi.suspend_data belongs to the course "${String(courseId)}", not "${outline.id}"; ignored`);
    return null;
  }
  const restored = restoreProgress(decoded, outline, now);
  if (restored.notice) note('part of cmi.suspend_data no longer matches the course; the rest is used');
  return { result: courseResult(outline, restored.progress), startedAt: restored.progress.startedAt, progress: restored.progress };
}

function scenarioIndex(outline: CourseOutline) {
  const byScormId = new Map<string, { id: string; title: string; lessonTitle: string; order: number }>();
  let order = 0;
  for (const lesson of outline.lessons) {
    for (const s of lesson.scenarios) byScormId.set(scormId(s.id), { id: s.id, title: s.title, lessonTitle: lesson.title, order: order++ });
  }
  return byScormId;
}

/**
 * The course reports a rewrite to the LMS on one line (SCORM 1.2 and strict 2004 checkers reject
 * line breaks); when that line is the draft kept in saved progress, show the draft as written.
 */
function withLineBreaks(reported: string | null, draft: { subject: string; body: string } | undefined): string | null {
  if (reported === null || !draft) return reported;
  const written = `${draft.subject}\n\n${draft.body}`.trim();
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  return oneLine(written) === oneLine(reported) ? written : reported;
}

function viewOf(record: LearnerAttempt, attemptNumber: number, outline: CourseOutline, options: ReportOptions, problems: RecordProblem[]): AttemptView {
  const saved = resultOf(record, outline, options.now, problems);
  const scenarios = scenarioIndex(outline);
  const rewrites = new Map<string, RewriteRecord>();
  const key = (scenarioId: string, tryNumber: number | null) => `${scenarioId}#${tryNumber ?? '?'}`;
  if (saved) {
    for (const lesson of outline.lessons) {
      for (const s of lesson.scenarios) {
        (saved.progress.exercises[s.id]?.attempts ?? []).forEach((a, i) => {
          rewrites.set(key(s.id, i + 1), {
            scenarioId: s.id,
            scenarioTitle: s.title,
            lessonTitle: lesson.title,
            tryNumber: i + 1,
            attempt: attemptNumber,
            text: null,
            passed: a.passed,
            score: a.score,
            checks: a.checks,
            at: saved.startedAt + a.at * 1000,
          });
        });
      }
    }
  }
  for (const interaction of record.interactions) {
    if (!REWRITE_TYPES.has(interaction.type)) continue;
    // The course names a rewrite's interaction `<scenario>_<try>`.
    const match = /^(.+)_(\d+)$/.exec(interaction.id);
    const scenario = match ? scenarios.get(match[1] ?? '') : undefined;
    const tryNumber = match && scenario ? Number(match[2]) : null;
    const scenarioId = scenario?.id ?? interaction.id;
    const known = rewrites.get(key(scenarioId, tryNumber));
    rewrites.set(key(scenarioId, tryNumber), {
      scenarioId,
      scenarioTitle: scenario?.title ?? interaction.description ?? interaction.id,
      lessonTitle: scenario?.lessonTitle ?? null,
      tryNumber,
      attempt: attemptNumber,
      text: withLineBreaks(interaction.response, saved?.progress.exercises[scenarioId]?.draft),
      passed: known?.passed ?? interaction.correct,
      score: known?.score ?? null,
      checks: known?.checks ?? {},
      at: interaction.at ?? known?.at ?? null,
    });
  }
  const order = (r: RewriteRecord) => scenarios.get(scormId(r.scenarioId))?.order ?? Number.MAX_SAFE_INTEGER;
  const sorted = [...rewrites.values()].sort((a, b) => order(a) - order(b) || (a.tryNumber ?? 0) - (b.tryNumber ?? 0) || (a.at ?? 0) - (b.at ?? 0));
  const date = record.committedAt ?? max([...record.interactions.map((i) => i.at), ...sorted.map((r) => r.at)]);
  return { record, result: saved?.result ?? null, startedAt: saved?.startedAt ?? null, date, rewrites: sorted };
}

/** The LMS's status, or, when it holds none, what the saved progress shows. */
function statusOf(view: AttemptView): LearnerStatus {
  const { record, result } = view;
  if (record.status !== 'not-attempted' || !result) return record.status;
  if (result.passed === true) return 'passed';
  if (result.passed === false) return 'failed';
  if (result.completed) return 'completed';
  return Object.values(result.lessonStatuses).some((s) => s !== 'not-started') ? 'incomplete' : 'not-attempted';
}

function checksOf(view: AttemptView): Record<CheckId, CheckOutcome> {
  const objectives = new Map(view.record.objectives.map((o) => [o.id, o]));
  const out = {} as Record<CheckId, CheckOutcome>;
  for (const check of CHECK_IDS) {
    const objective = objectives.get(scormId(`skill_${check}`));
    const skill = view.result?.skills.find((s) => s.check === check);
    const score = objective?.score ?? (skill ? (skill.final ?? skill.overall) : null);
    out[check] = {
      score,
      mastered: objective?.success === 'passed' || (score !== null && score >= MASTERY_SCORE) || skill?.mastered === true,
      diagnostic: skill?.diagnostic ?? null,
      final: skill?.final ?? null,
    };
  }
  return out;
}

function learnerOf(records: readonly LearnerAttempt[], outline: CourseOutline, options: ReportOptions, problems: RecordProblem[]): LearnerReport {
  const views = records.map((r, i) => viewOf(r, i + 1, outline, options, problems));
  // Attempts in date order when every one has a date; otherwise in the order they were read.
  if (views.every((v) => v.date !== null)) views.sort((a, b) => (a.date ?? 0) - (b.date ?? 0));
  views.forEach((v, i) => v.rewrites.forEach((r) => (r.attempt = i + 1)));
  const latest = views[views.length - 1];
  if (!latest) throw new Error('a learner without records');
  const status = statusOf(latest);
  const checks = checksOf(latest);
  const seconds = views.map((v) => v.record.seconds).filter((s): s is number => s !== null);
  const diagnosticScore = latest.result?.diagnosticScore ?? null;
  const finalScore = latest.result?.finalScore ?? null;
  const rewrites = views.flatMap((v) => v.rewrites);
  return {
    id: latest.record.learnerId,
    name: latest.record.learnerName,
    team: [...views].reverse().find((v) => v.record.team !== null)?.record.team ?? null,
    status,
    score: latest.record.score ?? finalScore,
    completedAt: FINISHED.includes(status) ? latest.date : null,
    lastActiveAt: max(views.map((v) => v.date)),
    attempts: views.length,
    seconds: seconds.length === 0 ? null : Math.round(seconds.reduce((a, b) => a + b, 0)),
    checks,
    masteredCount: CHECK_IDS.filter((c) => checks[c].mastered).length,
    diagnosticScore,
    finalScore,
    improvement: diagnosticScore !== null && finalScore !== null ? finalScore - diagnosticScore : null,
    rewrites,
    hasLearnerText: rewrites.some((r) => r.text !== null),
    sources: views.map((v) => v.record.source),
  };
}

/** One report row per learner id, from every attempt read. */
export function buildLearners(attempts: readonly LearnerAttempt[], outline: CourseOutline, options: ReportOptions): { learners: LearnerReport[]; problems: RecordProblem[] } {
  const byLearner = new Map<string, LearnerAttempt[]>();
  for (const a of attempts) {
    const list = byLearner.get(a.learnerId) ?? [];
    list.push(a);
    byLearner.set(a.learnerId, list);
  }
  const problems: RecordProblem[] = [];
  const learners = [...byLearner.values()].map((records) => learnerOf(records, outline, options, problems));
  return { learners: sortLearners(learners, 'name', 'ascending'), problems };
}

export function checkNamesOf(names: Readonly<Record<CheckId, string>>): CheckName[] {
  return CHECK_IDS.map((id) => ({ id, name: names[id] }));
}

/** The team's figures over these learners. */
export function summarize(learners: readonly LearnerReport[], checks: readonly CheckName[]): TeamSummary {
  const n = learners.length;
  const rate = (count: number) => (n === 0 ? null : count / n);
  const scores = learners.map((l) => l.score).filter((s): s is number => s !== null);
  // Time is averaged over learners who started: a record with no time yet isn't a 0-minute course.
  const times = learners.filter((l) => l.status !== 'not-attempted').map((l) => l.seconds).filter((s): s is number => s !== null);
  const improvements = learners.map((l) => l.improvement).filter((s): s is number => s !== null);
  const finished = learners.filter((l) => FINISHED.includes(l.status)).length;
  const passed = learners.filter((l) => l.status === 'passed').length;
  const skills = checks.map(({ id, name }): SkillSummary => {
    const outcomes = learners.map((l) => l.checks[id]);
    const known = (pick: (o: CheckOutcome) => number | null) => outcomes.map(pick).filter((s): s is number => s !== null);
    // A learner who hasn't reached a skill yet says nothing about how well the team has it.
    const assessed = outcomes.filter((o) => o.score !== null || o.mastered);
    const mastered = assessed.filter((o) => o.mastered).length;
    return {
      check: id,
      name,
      mastered,
      assessed: assessed.length,
      notAssessed: n - assessed.length,
      share: assessed.length === 0 ? null : mastered / assessed.length,
      averageScore: mean(known((o) => o.score)),
      averageDiagnostic: mean(known((o) => o.diagnostic)),
      averageFinal: mean(known((o) => o.final)),
    };
  });
  const weakest = skills
    .filter((s) => s.assessed > 0)
    .sort((a, b) => (a.share ?? 0) - (b.share ?? 0) || (a.averageScore ?? 0) - (b.averageScore ?? 0))
    .slice(0, 3);
  return {
    learners: n,
    finished,
    passed,
    completionRate: rate(finished),
    passRate: rate(passed),
    averageScore: mean(scores),
    scored: scores.length,
    averageSeconds: mean(times),
    timed: times.length,
    skills,
    weakest,
    averageImprovement: mean(improvements),
    improvers: improvements.length,
  };
}

/** The whole report over every attempt read. */
export function buildReport(attempts: readonly LearnerAttempt[], outline: CourseOutline, options: ReportOptions, readProblems: readonly RecordProblem[] = []): ReportModel {
  const { learners, problems } = buildLearners(attempts, outline, options);
  const checks = checkNamesOf(options.checkNames);
  return {
    course: { id: outline.id, title: outline.title, passScore: outline.passScore },
    checks,
    learners,
    summary: summarize(learners, checks),
    teams: [...new Set(learners.map((l) => l.team).filter((t): t is string => t !== null))].sort(compareText),
    records: attempts.length,
    problems: [...readProblems, ...problems],
    generatedAt: options.now,
  };
}

/** The same report over fewer learners (e.g. filtered): figures recomputed, teams kept. */
export function withLearners(model: ReportModel, learners: readonly LearnerReport[]): ReportModel {
  return { ...model, learners: [...learners], summary: summarize(learners, model.checks) };
}

export interface LearnerFilter {
  /** Only this team. */
  team?: string | undefined;
  /** Active on or after (epoch ms); learners with no date are left out when a range is set. */
  from?: number | undefined;
  /** Active on or before (epoch ms). */
  to?: number | undefined;
  /** Only these statuses (all when empty or absent). */
  statuses?: readonly LearnerStatus[] | undefined;
}

export function filterLearners(learners: readonly LearnerReport[], filter: LearnerFilter): LearnerReport[] {
  return learners.filter((l) => {
    if (filter.team !== undefined && l.team !== filter.team) return false;
    if (filter.statuses && filter.statuses.length > 0 && !filter.statuses.includes(l.status)) return false;
    if (filter.from !== undefined || filter.to !== undefined) {
      if (l.lastActiveAt === null) return false;
      if (filter.from !== undefined && l.lastActiveAt < filter.from) return false;
      if (filter.to !== undefined && l.lastActiveAt > filter.to) return false;
    }
    return true;
  });
}

export const SORT_KEYS = ['name', 'team', 'status', 'score', 'completed', 'attempts', 'time', 'improvement', 'mastered'] as const;
export type SortKey = (typeof SORT_KEYS)[number] | CheckId;
export type SortDirection = 'ascending' | 'descending';

/** Status in the order a manager reads it: done well first, not started last. */
export const STATUS_ORDER: readonly LearnerStatus[] = ['passed', 'completed', 'failed', 'incomplete', 'not-attempted'];

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}

/** The value a learner is sorted by: a number, text, or null (always sorted last). */
export function sortValue(learner: LearnerReport, key: SortKey): number | string | null {
  switch (key) {
    case 'name':
      return learner.name;
    case 'team':
      return learner.team;
    case 'status':
      return STATUS_ORDER.indexOf(learner.status);
    case 'score':
      return learner.score;
    case 'completed':
      return learner.completedAt;
    case 'attempts':
      return learner.attempts;
    case 'time':
      return learner.seconds;
    case 'improvement':
      return learner.improvement;
    case 'mastered':
      return learner.masteredCount;
    default:
      return learner.checks[key].score;
  }
}

/** A sorted copy; missing values go last either way, ties are broken by name then id. */
export function sortLearners(learners: readonly LearnerReport[], key: SortKey, direction: SortDirection = 'ascending'): LearnerReport[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...learners].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else {
      const order = typeof va === 'number' && typeof vb === 'number' ? va - vb : compareText(String(va), String(vb));
      if (order !== 0) return sign * order;
    }
    return compareText(a.name, b.name) || compareText(a.id, b.id);
  });
}
