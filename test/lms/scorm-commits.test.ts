/**
 * The SCORM store against an LMS that behaves like Moodle's player (GetValue answers numbers for
 * counts and scores, with spaces where it pleases), on a simulated clock: how many commits a whole
 * course in one sitting costs, that interactions are appended after the LMS's count and never
 * rewritten, and that a relaunch never lowers what the LMS recorded.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHECK_IDS } from '../../src/analyzer/types.ts';
import { readLessonFiles } from '../../src/build/lesson-files.ts';
import { loadCourse } from '../../src/content/load.ts';
import { emptyProgress } from '../../src/content/progress.ts';
import { courseResult } from '../../src/flows/rules.ts';
import type { Scorm12Api, Scorm2004Api } from '../../src/lms/api-finder.ts';
import type { Clock } from '../../src/lms/commit-policy.ts';
import { lmsText } from '../../src/lms/session.ts';
import { commitBody } from '../../scorm/preview/strict-rules.ts';
import { ScormStore } from '../../src/lms/scorm-store.ts';
import { StandaloneStore } from '../../src/lms/standalone.ts';

const loaded = loadCourse(readLessonFiles('lessons'));
if (!loaded.ok) throw new Error('the course must load');
const course = loaded.course;

/** A fake clock: `advance` runs what falls due, in order. */
function fakeClock(): Clock & { advance(ms: number): void } {
  let now = 1_750_000_000_000;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let next = 0;
  return {
    now: () => now,
    later(run, ms) {
      const id = (next += 1);
      timers.push({ at: now + ms, run, id });
      return () => {
        timers = timers.filter((t) => t.id !== id);
      };
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.run();
      }
      now = end;
    },
  };
}

/** A SCORM 2004 LMS in the manner of Moodle's: counts and scores come back as numbers. */
function moodleLike2004(seed: Record<string, string> = {}) {
  const values = new Map<string, string>(Object.entries(seed));
  let commits = 0;
  const count = () => [...values.keys()].filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k)).length;
  const api: Scorm2004Api = {
    Initialize: () => 'true',
    Terminate: () => 'true',
    Commit: () => {
      commits += 1;
      return 'true';
    },
    GetValue: (element) => {
      if (element === 'cmi.interactions._count') return count() as unknown as string;
      const value = values.get(element) ?? '';
      return (/score\.raw$/.test(element) && value !== '' ? Number(value) : value) as string;
    },
    SetValue: (element, value) => {
      values.set(element, value);
      return 'true';
    },
    GetLastError: () => 0 as unknown as string,
    GetErrorString: () => '',
  };
  return { api, values, commits: () => commits };
}

/** The same LMS under SCORM 1.2's names. */
function as12(api: Scorm2004Api): Scorm12Api {
  return {
    LMSInitialize: (a) => api.Initialize(a),
    LMSFinish: (a) => api.Terminate(a),
    LMSGetValue: (e) => api.GetValue(e),
    LMSSetValue: (e, v) => api.SetValue(e, v),
    LMSCommit: (a) => api.Commit(a),
    LMSGetLastError: () => api.GetLastError(),
    LMSGetErrorString: (c) => api.GetErrorString(c),
  };
}

function storeFor(api: Scorm2004Api | Scorm12Api, version: '1.2' | '2004', clock: Clock) {
  const memory = new Map<string, string>();
  return new ScormStore(version === '1.2' ? { version, api: api as Scorm12Api } : { version, api: api as Scorm2004Api }, {
    courseId: course.id,
    lessonIds: course.lessons.map((l) => l.id),
    reportLearnerText: true,
    scorm12Status: 'passed-failed',
    clock,
    mirror: new StandaloneStore('t', { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) }),
  });
}

describe('what the LMS is sent', () => {
  it('reads counts and scores however the LMS gives them', () => {
    assert.equal(lmsText(6), '6');
    assert.equal(lmsText(' 6 '), '6');
    assert.equal(lmsText(0.85), '0.85');
    assert.equal(lmsText(undefined), '');
    assert.equal(lmsText(null), '');
  });

  for (const version of ['1.2', '2004'] as const)
  it(`${version}: a whole course in one sitting (about an hour) costs at most 30 commits`, async () => {
    const clock = fakeClock();
    const lms = moodleLike2004();
    const store = storeFor(version === '1.2' ? as12(lms.api) : lms.api, version, clock);
    await store.start();
    let progress = emptyProgress(course, clock.now());
    // Reading, then each knowledge check (20 s) and rewrite (2.5 min), as a learner paces them.
    // Each attempt's per-check scores vary, as a real learner's do: suspend_data at its real size.
    const checks = (seed: number) => Object.fromEntries(CHECK_IDS.map((c, k) => [c, 55 + ((seed * 13 + k * 7) % 45)]));
    for (const lesson of course.lessons) {
      clock.advance(60_000);
      progress = { ...progress, location: lesson.id, lessons: { ...progress.lessons, [lesson.id]: 'in-progress' } };
      await store.save(progress);
      await store.report(courseResult(course, progress));
      for (const q of lesson.questions) {
        clock.advance(20_000);
        progress = { ...progress, questions: { ...progress.questions, [q.id]: { selected: [0], correct: true, tries: 1 } } };
        await store.save(progress);
        await store.report(courseResult(course, progress));
      }
      if (lesson.questions.length > 0) await store.recordInteraction({ id: `${lesson.id}_checks`, kind: 'checks', response: '', correct: true, score: 100, at: clock.now(), latencySeconds: 20 * lesson.questions.length });
      for (const s of lesson.scenarios) {
        clock.advance(150_000);
        progress = { ...progress, exercises: { ...progress.exercises, [s.id]: { status: 'passed', hintsShown: 0, attempts: [{ score: 90, passed: true, at: Math.round((clock.now() - progress.startedAt) / 1000), seconds: 150, checks: checks(s.id.length) }] } } };
        await store.recordInteraction({ id: `${s.id}_1`, kind: 'rewrite', response: `${s.model.subject}\n\n${s.model.body}`, correct: true, score: 90, at: clock.now(), latencySeconds: 150 });
        await store.save(progress);
        await store.report(courseResult(course, progress));
      }
    }
    clock.advance(10_000);
    await store.finish();
    const minutes = Math.round((clock.now() - progress.startedAt) / 60_000);
    // What Moodle's 2004 player would post at Terminate: every element set since launch.
    const leaving = Buffer.byteLength(commitBody(new Map([...lms.values].filter(([k]) => k !== 'cmi.entry'))));
    const texts = [...lms.values.keys()].filter((k) => /response$/.test(k)).length;
    console.log(`${version}: a whole course in one sitting (${minutes} simulated minutes): ${lms.commits()} commits, then Terminate; everything set ${(leaving / 1024).toFixed(1)} KB, ${texts} of ${course.lessons.flatMap((l) => l.scenarios).length} rewrites with their text`);
    if (version === '2004') assert.ok(leaving <= 16 * 1024, `the leaving commit would be ${leaving} bytes`);
    assert.ok(minutes >= 50, `${minutes} minutes`);
    assert.ok(lms.commits() <= 30, `${lms.commits()} commits`);
    assert.ok(lms.commits() >= 10, 'meaningful events still commit on their own');
  });

  it('in 2004, everything one session sets fits a leaving beacon, even with every attempt used', async () => {
    const clock = fakeClock();
    const lms = moodleLike2004();
    const store = storeFor(lms.api, '2004', clock);
    await store.start();
    let progress = emptyProgress(course, clock.now());
    const long = 'A learner who keeps writing, sentence after sentence, about the project. '.repeat(60);
    for (const lesson of course.lessons) {
      if (lesson.questions.length > 0) await store.recordInteraction({ id: `${lesson.id}_checks`, kind: 'checks', response: '', correct: false, score: 0, at: clock.now(), latencySeconds: 60 });
      for (const s of lesson.scenarios) {
        for (let attempt = 1; attempt <= (s.rubric.maxAttempts ?? 3); attempt += 1) {
          await store.recordInteraction({ id: `${s.id}_${attempt}`, kind: 'rewrite', response: long, correct: false, score: 40, at: clock.now(), latencySeconds: 300 });
        }
      }
      progress = { ...progress, location: lesson.id, lessons: { ...progress.lessons, [lesson.id]: 'completed' } };
      await store.save(progress);
      await store.report(courseResult(course, progress));
    }
    await store.finish();
    // What Moodle's 2004 player would post at Terminate: every element set since launch.
    const bytes = Buffer.byteLength(commitBody(new Map([...lms.values].filter(([k]) => k !== 'cmi.entry'))));
    console.log(`2004, every attempt used, long drafts: the leaving commit would be ${(bytes / 1024).toFixed(1)} KB`);
    assert.ok(bytes <= 48 * 1024, `${bytes} bytes`);
    const results = [...lms.values].filter(([k]) => /\.result$/.test(k)).length;
    const ids = [...lms.values].filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k)).length;
    assert.equal(results, ids, 'every interaction keeps its result');
  });

  it('appends after the interactions the LMS holds, and never rewrites one', async () => {
    const clock = fakeClock();
    const lms = moodleLike2004({ 'cmi.interactions.0.id': 'old_one', 'cmi.interactions.0.result': 'correct', 'cmi.interactions.1.id': 'old_two', 'cmi.entry': 'resume' });
    const store = storeFor(lms.api, '2004', clock);
    await store.start();
    await store.recordInteraction({ id: 'new_one', kind: 'checks', response: '', correct: false, score: 50, at: clock.now(), latencySeconds: 3.456 });
    assert.equal(lms.values.get('cmi.interactions.0.id'), 'old_one');
    assert.equal(lms.values.get('cmi.interactions.0.result'), 'correct');
    assert.equal(lms.values.get('cmi.interactions.2.id'), 'new_one');
    assert.equal(lms.values.get('cmi.interactions.2.latency'), 'PT3.46S', 'latency in hundredths');
    assert.match(lms.values.get('cmi.interactions.2.timestamp') ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\dZ$/);
  });

  it('a relaunch of a finished course lowers nothing the LMS recorded', async () => {
    const clock = fakeClock();
    const lms = moodleLike2004({ 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.score.raw': '88', 'cmi.progress_measure': '1', 'cmi.objectives.0.id': 'skill_subject', 'cmi.objectives.0.success_status': 'passed', 'cmi.entry': '' });
    const store = storeFor(lms.api, '2004', clock);
    await store.start();
    const fresh = emptyProgress(course, clock.now());
    await store.save(fresh);
    await store.report(courseResult(course, fresh));
    await store.finish();
    assert.equal(lms.values.get('cmi.completion_status'), 'completed');
    assert.equal(lms.values.get('cmi.success_status'), 'passed');
    assert.equal(lms.values.get('cmi.score.raw'), '88');
    assert.equal(lms.values.get('cmi.progress_measure'), '1');
    assert.equal(lms.values.get('cmi.objectives.0.success_status'), 'passed', 'objectives untouched');
    assert.notEqual(lms.values.get('cmi.exit'), 'suspend', 'a review does not turn the attempt back into one to resume');
  });
});
