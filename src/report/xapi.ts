/**
 * Learner records from an LRS: the statements the course sends as a cmi5 AU (see
 * src/lms/cmi5/), exported as a JSON array, JSON lines, or an xAPI statement result
 * (`{"statements": [...]}`). One learner attempt per actor and registration, in the same form as
 * SCORM records, so the same report model reads both: the answered statements are turned back
 * into the course's saved progress (scores, checks and answers per rewrite and question), and
 * completed, passed and failed give the status. Pure: text in, attempts and problems out.
 */
import { isCheckId, type CheckId } from '../analyzer/index.ts';
import { emptyProgress, type SavedProgress } from '../content/progress.ts';
import type { CourseOutline } from '../content/outline.ts';
import { encodeProgress } from '../lms/suspend-data.ts';
import { parseDuration, parseTimestamp, type InteractionRecord, type LearnerAttempt, type ParsedRecords, type RecordProblem } from './records.ts';
import { isPlainObject } from '../content/json-values.ts';

const VERB = {
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  voided: 'http://adlnet.gov/expapi/verbs/voided',
};

type Tree = Record<string, unknown>;

function at(tree: unknown, ...path: string[]): unknown {
  let node = tree;
  for (const key of path) node = isPlainObject(node) ? node[key] : undefined;
  return node;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** An extension of the course's, whatever base IRI the customer gave it: found by its ending. */
function extension(extensions: unknown, name: string): unknown {
  if (!isPlainObject(extensions)) return undefined;
  const key = Object.keys(extensions).find((k) => k.endsWith(`/extensions/${name}`));
  return key === undefined ? undefined : extensions[key];
}

interface Read {
  statement: Tree;
  where: string;
  time: number;
}

/** The statements in the text, with where each was read; bad items become problems. */
function statementsOf(raw: string, file: string, problems: RecordProblem[]): Read[] {
  const text = raw.replace(/^\uFEFF/, '');
  const out: Read[] = [];
  const add = (value: unknown, where: string) => {
    const time = parseTimestamp(str(at(value, 'timestamp')) ?? '');
    if (!isPlainObject(value) || !isPlainObject(value['verb']) || !isPlainObject(value['actor'])) {
      problems.push({ where, message: 'not an xAPI statement (no actor or verb); skipped', skipped: true });
      return;
    }
    if (time === undefined) {
      problems.push({ where, message: 'the statement has no valid timestamp; skipped', skipped: true });
      return;
    }
    out.push({ statement: value, where, time });
  };
  // One JSON document (an array, an LRS's {"statements": [...]}, one statement), else JSON lines.
  let whole: unknown;
  try {
    whole = JSON.parse(text);
  } catch (error) {
    if (text.trimStart().startsWith('[')) {
      problems.push({ where: file, message: `not valid JSON (${error instanceof Error ? error.message : String(error)}); file skipped`, skipped: true });
      return out;
    }
  }
  if (whole !== undefined) {
    const list = Array.isArray(whole) ? whole : isPlainObject(whole) && Array.isArray(whole['statements']) ? whole['statements'] : [whole];
    list.forEach((item: unknown, i: number) => add(item, `${file} [statement ${i + 1}]`));
    return out;
  }
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${file}:${index + 1}`;
    try {
      add(JSON.parse(line), where);
    } catch {
      problems.push({ where, message: 'not valid JSON; line skipped', skipped: true });
    }
  });
  return out;
}

function learnerOf(actor: unknown): { id: string; name: string } | undefined {
  const account = at(actor, 'account');
  const id = str(at(account, 'name')) ?? str(at(actor, 'mbox'))?.replace(/^mailto:/, '') ?? str(at(actor, 'openid'));
  if (!id) return undefined;
  return { id, name: str(at(actor, 'name')) ?? id };
}

/** The part after the last `/rewrites/` or `/questions/` of an activity id. */
function activityOf(id: string, kind: 'rewrites' | 'questions'): string | undefined {
  const marker = `/${kind}/`;
  const i = id.lastIndexOf(marker);
  if (i < 0) return undefined;
  try {
    return decodeURIComponent(id.slice(i + marker.length));
  } catch {
    return undefined;
  }
}

function checksOf(value: unknown): Partial<Record<CheckId, number>> {
  const out: Partial<Record<CheckId, number>> = {};
  if (!isPlainObject(value)) return out;
  for (const [key, score] of Object.entries(value)) {
    if (isCheckId(key) && typeof score === 'number' && Number.isFinite(score)) out[key] = Math.max(0, Math.min(100, Math.round(score)));
  }
  return out;
}

/** One registration's statements → the attempt the report model reads. */
function attemptOf(reads: readonly Read[], outline: CourseOutline, source: string): LearnerAttempt | null {
  const sorted = [...reads].sort((a, b) => a.time - b.time);
  const first = sorted[0];
  const learner = first ? learnerOf(first.statement['actor']) : undefined;
  if (!first || !learner) return null;
  const verbOf = (r: Read) => str(at(r.statement, 'verb', 'id'));
  const has = (verb: string) => sorted.some((r) => verbOf(r) === verb);

  const progress: SavedProgress = emptyProgress(outline, first.time);
  const scenarios = new Set(outline.lessons.flatMap((l) => l.scenarios.map((s) => s.id)));
  const questions = new Set(outline.lessons.flatMap((l) => l.questions.map((q) => q.id)));
  const interactions: InteractionRecord[] = [];
  for (const r of sorted) {
    if (verbOf(r) !== VERB.answered) continue;
    const objectId = str(at(r.statement, 'object', 'id')) ?? '';
    const result = at(r.statement, 'result');
    const score = Number(at(result, 'score', 'raw') ?? Math.round(Number(at(result, 'score', 'scaled')) * 100));
    const success = at(result, 'success') === true;
    const response = str(at(result, 'response')) ?? null;
    const scenarioId = str(extension(at(result, 'extensions'), 'scenario')) ?? activityOf(objectId, 'rewrites');
    if (scenarioId !== undefined && scenarios.has(scenarioId)) {
      const exercise = (progress.exercises[scenarioId] ??= { status: 'in-progress', attempts: [], hintsShown: 0 });
      const tryNumber = Number(extension(at(result, 'extensions'), 'attempt')) || exercise.attempts.length + 1;
      if (exercise.attempts.length < 10) {
        exercise.attempts.push({
          score: Number.isFinite(score) ? Math.max(0, Math.min(100, Math.round(score))) : 0,
          passed: success,
          checks: checksOf(extension(at(result, 'extensions'), 'checks')),
          at: Math.max(0, Math.round((r.time - first.time) / 1000)),
          seconds: Math.round(parseDuration(str(at(result, 'duration')) ?? '') ?? 0),
        });
      }
      if (success) exercise.status = 'passed';
      interactions.push({ id: `${scenarioId}_${tryNumber}`, type: 'long-fill-in', description: str(at(r.statement, 'object', 'definition', 'name', 'en')) ?? null, response, correct: success, at: r.time });
      continue;
    }
    const questionId = str(extension(at(result, 'extensions'), 'question')) ?? activityOf(objectId, 'questions');
    if (questionId !== undefined && questions.has(questionId)) {
      const before = progress.questions[questionId];
      const selected = (response ?? '').split('[,]').map(Number).filter((n) => Number.isInteger(n) && n >= 0 && n <= 9);
      progress.questions[questionId] = { selected, correct: success, tries: Math.min(20, (before?.tries ?? 0) + 1) };
      interactions.push({ id: questionId, type: 'choice', description: null, response, correct: success, at: r.time });
    }
  }
  const completed = has(VERB.completed);
  for (const lesson of outline.lessons) {
    // Attempts used up count as done once the LMS was told the course is complete.
    for (const s of lesson.scenarios) {
      const e = progress.exercises[s.id];
      if (e && e.status !== 'passed' && (completed || e.attempts.length >= outline.settings.defaultAttempts)) e.status = 'exhausted';
    }
    if (completed) progress.lessons[lesson.id] = 'completed';
  }
  const judged = [...sorted].reverse().find((r) => verbOf(r) === VERB.passed || verbOf(r) === VERB.failed);
  const scaled = Number(at(judged?.statement, 'result', 'score', 'scaled'));
  const seconds = sorted.filter((r) => verbOf(r) === VERB.terminated).map((r) => parseDuration(str(at(r.statement, 'result', 'duration')) ?? '') ?? 0);
  const last = sorted[sorted.length - 1];
  return {
    source,
    version: 'cmi5',
    learnerId: learner.id,
    learnerName: learner.name,
    team: null,
    status: has(VERB.passed) ? 'passed' : has(VERB.failed) ? 'failed' : completed ? 'completed' : 'incomplete',
    score: judged && Number.isFinite(scaled) ? Math.round(scaled * 100) : null,
    seconds: seconds.length === 0 ? null : seconds.reduce((a, b) => a + b, 0),
    committedAt: last ? last.time : null,
    suspendData: encodeProgress(progress, 1_000_000).data,
    objectives: [],
    interactions,
  };
}

/** An LRS export → one attempt per learner and registration. */
export function parseXapiText(raw: string, file: string, outline: CourseOutline): ParsedRecords {
  const problems: RecordProblem[] = [];
  if (raw.includes('\u0000')) return { attempts: [], problems: [{ where: file, message: 'not a text file (it holds NUL bytes); file skipped', skipped: true }] };
  if (raw.trim() === '') return { attempts: [], problems: [{ where: file, message: 'the file is empty; nothing to read', skipped: true }] };
  const reads = statementsOf(raw, file, problems);
  const voided = new Set(reads.filter((r) => str(at(r.statement, 'verb', 'id')) === VERB.voided).map((r) => str(at(r.statement, 'object', 'id'))));
  const groups = new Map<string, Read[]>();
  for (const r of reads) {
    if (voided.has(str(r.statement['id']))) continue;
    const learner = learnerOf(r.statement['actor']);
    const registration = str(at(r.statement, 'context', 'registration'));
    if (!learner) {
      problems.push({ where: r.where, message: 'the actor has no account, mbox or openid; skipped', skipped: true });
      continue;
    }
    if (!registration) continue; // not from a cmi5 launch (cmi5 statements all carry one)
    const key = JSON.stringify([learner.id, registration]);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const attempts: LearnerAttempt[] = [];
  for (const [key, group] of groups) {
    const registration = (JSON.parse(key) as string[])[1] ?? '';
    const attempt = attemptOf(group, outline, `${file} [registration ${registration.slice(0, 8)}]`);
    if (attempt) attempts.push(attempt);
  }
  if (attempts.length === 0 && reads.length > 0) problems.push({ where: file, message: 'no statement carries a cmi5 registration; nothing read', skipped: true });
  return { attempts, problems };
}
