/**
 * The cmi5 store against the local LMS + LRS on loopback (a real HTTP server that refuses what a
 * strict LRS refuses): launch, the statements and their order, once-only verbs, launch modes,
 * and failures (5xx, an expired token) with nothing lost. The built course in Chromium is in
 * cmi5-e2e.test.ts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startPreviewServer, type PreviewServer } from '../../../scorm/preview/routes.ts';
import type { LaunchOptions, TestLrs } from '../../../scorm/preview/cmi5/lrs.ts';
import type { CourseResult } from '../../../src/flows/rules.ts';
import type { KeyValueStorage } from '../../../src/lms/standalone.ts';
import type { Interaction, StoreNotice } from '../../../src/lms/store.ts';
import { CMI5, VERBS, verbName, type Statement } from '../../../src/lms/cmi5/statement-types.ts';
import type { Cmi5Store as Cmi5StoreType, Cmi5StoreOptions } from '../../../src/lms/cmi5/store.ts';
import { emptyProgress } from '../../../src/content/progress.ts';
import { outlineOf } from '../../../src/content/outline.ts';
import { loadCourseFiles } from '../../e2e/course-files.ts';
import { until } from './until.ts';

// cmi5.js is a browser bundle that names `self`; Node has globalThis.
(globalThis as { self?: unknown }).self ??= globalThis;
const { Cmi5Store } = await import('../../../src/lms/cmi5/store.ts');

class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}


function result(overrides: Partial<CourseResult>): CourseResult {
  return { progressMeasure: 0, completed: false, finalScore: null, diagnosticScore: null, passed: null, skills: [], lessonStatuses: {}, ...overrides };
}

const rewrite = (n: number, score = 85): Interaction => ({
  id: `subject_budget_${n}`,
  kind: 'rewrite',
  description: 'Ask for the laptop budget',
  response: 'Approve laptop budget by Fri\n\nHi Margaret, could you approve…',
  correct: score >= 80,
  score,
  checks: { subject: 100, 'clear-ask': 67 },
  at: Date.now(),
  latencySeconds: 42,
});

const question: Interaction = { id: 'q_subject_1', kind: 'question', description: 'Which subject line…', response: '0,2', correct: true, score: 100, at: Date.now(), latencySeconds: 0 };

describe('the cmi5 store against a strict local LRS', () => {
  let server: PreviewServer;
  let lrs: TestLrs;
  let dir = '';
  const { course } = loadCourseFiles();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cmi5-store-'));
    server = await startPreviewServer({ courseDir: dir, dataDir: dir, hostScript: '', port: 0, passScore: 80, cmi5: { courseId: course.id } });
    assert.ok(server.cmi5);
    lrs = server.cmi5.lrs;
  });

  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function launch(storage: KeyValueStorage, options: Partial<LaunchOptions> = {}, extra: Partial<Cmi5StoreOptions> = {}): { store: Cmi5StoreType; sessionId: string; notices: StoreNotice[] } {
    const session = lrs.launch({ auUrl: `${server.url}course/index.html`, ...options });
    const store = new Cmi5Store({ courseId: course.id, reportLearnerText: true, launchUrl: session.launchUrl, storage, retryDelaysMs: [20, 40], tellAfter: 2, ...extra });
    const notices: StoreNotice[] = [];
    store.onNotice((n) => notices.push(n));
    return { store, sessionId: session.sessionId, notices };
  }

  const ofSession = (sessionId: string) => lrs.statements.filter((s) => s.context.extensions?.[CMI5.sessionId] === sessionId && s.verb.id !== VERBS.launched);
  const verbs = (sessionId: string) => ofSession(sessionId).map((s) => verbName(s.verb.id));
  const delivered = (store: Cmi5StoreType) => until('every statement delivered', () => store.pending.length === 0);

  it('sends initialized first, answered and progressed, completed and passed once, terminated last; all valid', async () => {
    const storage = new MemoryStorage();
    const { store, sessionId } = launch(storage, { newRegistration: true });
    const started = await store.start();
    assert.equal(started.saved, null, 'a first launch has nothing saved');
    assert.equal(started.learnerName, 'Preview Learner');
    await store.recordInteraction(question);
    await store.recordInteraction(rewrite(1, 60));
    await store.report(result({ progressMeasure: 0.5 }));
    await store.report(result({ progressMeasure: 0.5 })); // unchanged share: no second progressed
    await store.recordInteraction(rewrite(2, 90));
    await store.report(result({ progressMeasure: 1, completed: true, finalScore: 86, passed: true }));
    await store.report(result({ progressMeasure: 1, completed: true, finalScore: 90, passed: true })); // nothing new
    await delivered(store);
    await store.finish();
    await until('terminated', () => verbs(sessionId).includes('terminated'));
    assert.deepEqual(lrs.refusals, []);
    assert.deepEqual(verbs(sessionId), ['initialized', 'answered', 'answered', 'progressed', 'answered', 'completed', 'passed', 'terminated']);

    const [answeredQuestion, firstRewrite] = ofSession(sessionId).filter((s) => s.verb.id === VERBS.answered);
    assert.ok(answeredQuestion && firstRewrite);
    assert.equal(answeredQuestion.result?.response, '0[,]2');
    assert.equal(firstRewrite.object.definition?.['interactionType'], 'long-fill-in');
    assert.match(firstRewrite.object.id, /^urn:email-etiquette:email_etiquette\/rewrites\/subject_budget$/);
    assert.equal(firstRewrite.result?.response, 'Approve laptop budget by Fri\n\nHi Margaret, could you approve…');
    assert.deepEqual(firstRewrite.result?.score, { scaled: 0.6, raw: 60, min: 0, max: 100 });
    assert.equal(firstRewrite.result?.success, false);
    assert.deepEqual(firstRewrite.result?.extensions, {
      'urn:email-etiquette:email_etiquette/extensions/scenario': 'subject_budget',
      'urn:email-etiquette:email_etiquette/extensions/attempt': 1,
      'urn:email-etiquette:email_etiquette/extensions/checks': { subject: 100, 'clear-ask': 67 },
    });
    const passed = ofSession(sessionId).find((s) => s.verb.id === VERBS.passed);
    assert.equal(passed?.context.extensions?.[CMI5.masteryScore], 0.8);
    assert.equal(passed?.result?.score?.scaled, 0.86);
  });

  it('resumes from the State API in a new session, and never sends completed or passed twice in a registration', async () => {
    const progress = { ...emptyProgress(outlineOf(course), 1_700_000_000_000), location: 'subject_lines' };
    const first = launch(new MemoryStorage(), { newRegistration: true });
    await first.store.start();
    await first.store.save(progress);
    await first.store.report(result({ progressMeasure: 1, completed: true, finalScore: 90, passed: true }));
    await first.store.finish();
    await until('the first session terminated', () => verbs(first.sessionId).includes('terminated'));

    // Another browser: nothing mirrored, only the LRS can bring the learner back.
    const second = launch(new MemoryStorage());
    const resumed = await second.store.start();
    assert.equal((resumed.saved as { location?: string } | null)?.location, 'subject_lines');
    await second.store.report(result({ progressMeasure: 1, completed: true, finalScore: 95, passed: true }));
    await second.store.recordInteraction(question);
    await second.store.finish();
    await until('the second session terminated', () => verbs(second.sessionId).includes('terminated'));
    assert.deepEqual(verbs(second.sessionId), ['initialized', 'answered', 'terminated']);
    assert.deepEqual(lrs.refusals, []);
  });

  it('sends failed below the mastery score, passed once improved, and never failed after passed', async () => {
    const { store, sessionId } = launch(new MemoryStorage(), { newRegistration: true });
    await store.start();
    await store.report(result({ progressMeasure: 1, completed: true, finalScore: 70, passed: false }));
    await store.report(result({ progressMeasure: 1, completed: true, finalScore: 72, passed: false }));
    await store.finish();
    await until('terminated', () => verbs(sessionId).includes('terminated'));
    assert.deepEqual(verbs(sessionId), ['initialized', 'completed', 'failed', 'terminated']);

    const again = launch(new MemoryStorage());
    await again.store.start();
    await again.store.report(result({ progressMeasure: 1, completed: true, finalScore: 88, passed: true }));
    await again.store.finish();
    await until('terminated', () => verbs(again.sessionId).includes('terminated'));
    assert.deepEqual(verbs(again.sessionId), ['initialized', 'passed', 'terminated']);

    const third = launch(new MemoryStorage());
    await third.store.start();
    await third.store.report(result({ progressMeasure: 1, completed: true, finalScore: 50, passed: false }));
    await third.store.finish();
    await until('terminated', () => verbs(third.sessionId).includes('terminated'));
    assert.deepEqual(verbs(third.sessionId), ['initialized', 'terminated']);
    assert.deepEqual(lrs.refusals, []);
  });

  for (const mode of ['Browse', 'Review'] as const) {
    it(`sends no completion or success in ${mode} mode`, async () => {
      const { store, sessionId } = launch(new MemoryStorage(), { newRegistration: true, launchMode: mode });
      await store.start();
      assert.equal(store.launchMode, mode);
      await store.recordInteraction(question);
      await store.report(result({ progressMeasure: 1, completed: true, finalScore: 90, passed: true }));
      await store.finish();
      await until('terminated', () => verbs(sessionId).includes('terminated'));
      assert.deepEqual(verbs(sessionId), ['initialized', 'answered', 'terminated']);
      assert.deepEqual(lrs.refusals, []);
    });
  }

  it('keeps the learner text out when the course says so', async () => {
    const { store, sessionId } = launch(new MemoryStorage(), { newRegistration: true }, { reportLearnerText: false });
    await store.start();
    await store.recordInteraction(rewrite(1));
    await delivered(store);
    const answered = ofSession(sessionId).find((s) => s.verb.id === VERBS.answered);
    assert.ok(answered?.result);
    assert.equal('response' in answered.result, false);
    assert.equal(answered.result.score?.raw, 85);
    await store.finish();
  });

  it('retries through 5xx answers, and tells the learner while it keeps failing', async () => {
    const { store, sessionId, notices } = launch(new MemoryStorage(), { newRegistration: true });
    await store.start();
    await delivered(store);
    lrs.failStatements(3, 503);
    await store.recordInteraction(rewrite(1));
    await delivered(store);
    assert.deepEqual(notices, ['save-failed'], 'told once, calmly, after two failures in a row');
    assert.deepEqual(verbs(sessionId), ['initialized', 'answered']);
    await store.finish();
    assert.deepEqual(lrs.refusals, []);
  });

  it('keeps what an expired token could not send, and delivers it in the next session', async () => {
    const storage = new MemoryStorage();
    const first = launch(storage, { newRegistration: true });
    await first.store.start();
    await delivered(first.store);
    lrs.expireTokens();
    await first.store.recordInteraction(rewrite(1, 60));
    await first.store.report(result({ progressMeasure: 1, completed: true, finalScore: 90, passed: true }));
    await until('the learner told', () => first.notices.includes('save-failed'));
    await first.store.finish();
    assert.ok(first.store.pending.length >= 3, 'answered, completed, passed and terminated are kept');
    assert.deepEqual(verbs(first.sessionId), ['initialized']);

    const second = launch(storage);
    await second.store.start();
    await delivered(second.store);
    assert.deepEqual(verbs(second.sessionId), ['initialized', 'answered', 'completed', 'passed']);
    const carried = ofSession(second.sessionId).find((s) => s.verb.id === VERBS.answered) as Statement;
    assert.equal(carried.result?.score?.raw, 60, 'the statement itself is kept');
    await second.store.finish();
    await until('terminated', () => verbs(second.sessionId).includes('terminated'));
    assert.deepEqual(lrs.refusals, []);
  });

  it('runs without a session when the fetch URL was already used, and sends what it kept at the next launch', async () => {
    const storage = new MemoryStorage();
    const first = launch(storage, { newRegistration: true });
    await first.store.start();
    const progress = emptyProgress(outlineOf(course), 1_700_000_000_000);
    await first.store.save({ ...progress, location: 'subject_lines' });
    await first.store.finish(); // the page unloads
    await until('the first session terminated', () => verbs(first.sessionId).includes('terminated'));
    // The same launch URL again (a reload): the LMS answers error-code 1.
    const session = lrs.sessions[lrs.sessions.length - 1];
    assert.ok(session);
    const reloaded = new Cmi5Store({ courseId: course.id, reportLearnerText: true, launchUrl: session.launchUrl, storage, retryDelaysMs: [20] });
    const started = await reloaded.start();
    assert.equal(started.notice, 'lms-unavailable');
    await reloaded.recordInteraction(question);
    await reloaded.save({ ...progress, location: 'ask_clearly' });
    await reloaded.finish();

    const next = launch(storage);
    const resumed = await next.store.start();
    // The browser's copy comes as stored (JSON text), as the standalone store gives it.
    const saved = (typeof resumed.saved === 'string' ? JSON.parse(resumed.saved) : resumed.saved) as { location?: string };
    assert.equal(saved.location, 'ask_clearly', "the reloaded page's progress, newer than the LRS's");
    await delivered(next.store);
    assert.deepEqual(verbs(next.sessionId), ['initialized', 'answered']);
    await next.store.finish();
    assert.deepEqual(lrs.refusals, []);
  });

  it('refuses what breaks the cmi5 rules, with the reason', async () => {
    const { store, sessionId } = launch(new MemoryStorage(), { newRegistration: true });
    await store.start();
    await delivered(store);
    const initialized = ofSession(sessionId)[0];
    assert.ok(initialized);
    const session = lrs.sessions.find((s) => s.sessionId === sessionId);
    assert.ok(session);
    const send = (statement: unknown) =>
      fetch(`${server.url}xapi/statements`, { method: 'POST', headers: { 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${session.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(statement) });
    const again = await send({ ...initialized, id: crypto.randomUUID(), stored: undefined });
    assert.equal(again.status, 400);
    assert.match(await again.text(), /initialized must be the first statement/);
    const scored = await send({ ...initialized, id: crypto.randomUUID(), verb: { id: VERBS.completed }, result: { completion: true, duration: 'PT1S', score: { scaled: 1 } }, context: { ...initialized.context, contextActivities: { ...initialized.context.contextActivities, category: [{ id: CMI5.categoryCmi5 }, { id: CMI5.categoryMoveOn }] } } });
    assert.equal(scored.status, 400);
    assert.match(await scored.text(), /only passed and failed may carry a score/);
    const invalid = await send({ ...initialized, id: 'not-a-uuid', verb: { id: VERBS.answered } });
    assert.equal(invalid.status, 400);
    assert.match(await invalid.text(), /xAPI: statement\.id/);
    lrs.refusals.length = 0;
    await store.finish();
  });
});
