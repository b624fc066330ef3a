/**
 * Saved progress as SCORM suspend_data: compact, compressed (deflate, then URL-safe base64,
 * which every LMS stores without escaping), and always within the standard's
 * limit (4096 characters in 1.2). When it doesn't fit, the learner's drafts are trimmed first
 * (finished rewrites' before unfinished ones'); scores and statuses are never dropped.
 */
import { deflateSync, strFromU8, strToU8 } from 'fflate';
import { inflateBounded } from './bounded-inflate.ts';
import { CHECK_IDS, type CheckId } from '../analyzer/types.ts';
import { EXERCISE_STATUSES, LESSON_STATUSES, PROGRESS_VERSION, type SavedProgress } from '../content/progress.ts';

/** Marks the format, so a future one can be told apart and migrated. */
const PREFIX = 'p1:';

type CompactAttempt = number[]; // [score, passed 0/1, at, seconds, ...one score per check or -1]
type CompactExercise = [status: number, hints: number, attempts: CompactAttempt[], subject?: string, body?: string];
type CompactQuestion = [selected: string, correct: number, tries: number];

interface Compact {
  v: number;
  c: string;
  l: string;
  s: number;
  L: Record<string, number>;
  E: Record<string, CompactExercise>;
  Q: Record<string, CompactQuestion>;
  R: Record<string, string>;
}

function toCompact(p: SavedProgress): Compact {
  const E: Record<string, CompactExercise> = {};
  for (const [id, e] of Object.entries(p.exercises)) {
    const attempts = e.attempts.map((a) => [a.score, a.passed ? 1 : 0, a.at, a.seconds, ...CHECK_IDS.map((c) => a.checks[c] ?? -1)]);
    E[id] = e.draft ? [EXERCISE_STATUSES.indexOf(e.status), e.hintsShown, attempts, e.draft.subject, e.draft.body] : [EXERCISE_STATUSES.indexOf(e.status), e.hintsShown, attempts];
  }
  const Q: Record<string, CompactQuestion> = {};
  for (const [id, q] of Object.entries(p.questions)) Q[id] = [q.selected.join(''), q.correct ? 1 : 0, q.tries];
  const L: Record<string, number> = {};
  for (const [id, status] of Object.entries(p.lessons)) L[id] = LESSON_STATUSES.indexOf(status);
  return { v: p.v, c: p.courseId, l: p.location, s: p.startedAt, L, E, Q, R: p.reflections };
}

/** Back to the saved-progress shape; restoreProgress validates it, entry by entry. */
function fromCompact(c: Compact): unknown {
  const exercises: Record<string, unknown> = {};
  for (const [id, e] of Object.entries(c.E ?? {})) {
    const [status, hintsShown, attempts, subject, body] = e;
    exercises[id] = {
      status: EXERCISE_STATUSES[status],
      hintsShown,
      attempts: (attempts ?? []).map(([score, passed, at, seconds, ...checks]) => {
        const scores: Partial<Record<CheckId, number>> = {};
        CHECK_IDS.forEach((check, i) => {
          const value = checks[i];
          if (value !== undefined && value >= 0) scores[check] = value;
        });
        return { score, passed: passed === 1, at, seconds, checks: scores };
      }),
      ...(typeof subject === 'string' && typeof body === 'string' ? { draft: { subject, body } } : {}),
    };
  }
  const questions: Record<string, unknown> = {};
  for (const [id, [selected, correct, tries]] of Object.entries(c.Q ?? {})) {
    questions[id] = { selected: [...String(selected)].map(Number), correct: correct === 1, tries };
  }
  const lessons: Record<string, unknown> = {};
  for (const [id, status] of Object.entries(c.L ?? {})) lessons[id] = LESSON_STATUSES[status];
  return { v: c.v, courseId: c.c, location: c.l, startedAt: c.s, lessons, exercises, questions, reflections: c.R ?? {} };
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function encodeCompact(c: Compact): string {
  return PREFIX + toBase64Url(deflateSync(strToU8(JSON.stringify(c)), { level: 9 }));
}

export interface Encoded {
  data: string;
  /** Drafts (or, last, reflection notes) had to be shortened or left out to fit. */
  trimmed: boolean;
}

/** Encodes progress within `limit` characters, shortening drafts first if needed. */
export function encodeProgress(progress: SavedProgress, limit: number): Encoded {
  const compact = toCompact(progress);
  let data = encodeCompact(compact);
  if (data.length <= limit) return { data, trimmed: false };
  const finished = new Set([EXERCISE_STATUSES.indexOf('passed'), EXERCISE_STATUSES.indexOf('exhausted')]);
  const drafts = (done: boolean) =>
    Object.values(compact.E)
      .filter((e) => e[4] !== undefined && finished.has(e[0]) === done)
      .sort((a, b) => (b[4]?.length ?? 0) - (a[4]?.length ?? 0));
  const fits = () => {
    data = encodeCompact(compact);
    return data.length <= limit;
  };
  // 1. Drafts of finished rewrites (the scores are what count there), longest first.
  for (const e of drafts(true)) {
    e.length = 3;
    if (fits()) return { data, trimmed: true };
  }
  // 2. Reflection notes, longest first.
  for (const [id] of Object.entries(compact.R).sort((a, b) => b[1].length - a[1].length)) {
    delete compact.R[id];
    if (fits()) return { data, trimmed: true };
  }
  // 3. Unfinished drafts: halve the longest, then drop; status, hints and attempts always stay.
  for (let round = 0; round < 500; round += 1) {
    const next = drafts(false)[0];
    if (!next) break;
    const body = next[4] ?? '';
    if (body.length > 400) next[4] = body.slice(0, Math.floor(body.length / 2));
    else next.length = 3;
    if (fits()) return { data, trimmed: true };
  }
  return { data, trimmed: true };
}

/** The progress object inside suspend_data, or undefined when it isn't ours or is damaged. */
export function decodeProgress(data: string): unknown {
  if (!data.startsWith(PREFIX)) return undefined;
  try {
    const inflated = inflateBounded(fromBase64Url(data.slice(PREFIX.length)));
    if (!inflated) return undefined;
    const json = strFromU8(inflated);
    if (!json) return undefined;
    const parsed = JSON.parse(json) as unknown;
    if (typeof parsed !== 'object' || parsed === null || (parsed as { v?: unknown }).v !== PROGRESS_VERSION) return undefined;
    return fromCompact(parsed as Compact);
  } catch {
    return undefined;
  }
}
