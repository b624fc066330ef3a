/**
 * The SCORM adapter against scorm-again (the LMS side), in Chromium, for both versions:
 * what the course writes, resume, and the LMS misbehaving.
 */
import { expect } from '@open-wc/testing';
import * as scorm12 from 'scorm-again/scorm12';
import type Scorm12Type from 'scorm-again/scorm12';
import * as scorm2004 from 'scorm-again/scorm2004';
import type Scorm2004Type from 'scorm-again/scorm2004';
import type { FoundApi, Scorm12Api, Scorm2004Api } from '../../src/lms/api-finder.ts';
import { findScormApi } from '../../src/lms/api-finder.ts';
import { ScormStore } from '../../src/lms/scorm-store.ts';
import { StandaloneStore, type KeyValueStorage } from '../../src/lms/standalone.ts';
import type { StoreNotice } from '../../src/lms/store.ts';
import { CHECK_IDS } from '../../src/analyzer/index.ts';
import type { SavedProgress } from '../../src/content/progress.ts';
import type { CourseResult } from '../../src/flows/rules.ts';

// The ESM builds export the classes by name; their type declarations say default.
const { Scorm12API } = scorm12 as unknown as { Scorm12API: typeof Scorm12Type };
const { Scorm2004API } = scorm2004 as unknown as { Scorm2004API: typeof Scorm2004Type };

const SETTINGS = { lmsCommitUrl: false, autocommit: false, logLevel: 5 } as const;

type Lms12 = InstanceType<typeof Scorm12API>;
type Lms2004 = InstanceType<typeof Scorm2004API>;

function memoryStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

function progress(overrides: Partial<SavedProgress> = {}): SavedProgress {
  return {
    v: 1,
    courseId: 'email_etiquette',
    location: 'lead_with_the_point',
    lessons: { why_emails_get_ignored: 'completed', lead_with_the_point: 'in-progress' },
    exercises: {
      diagnostic_rewrite: { status: 'exhausted', attempts: [{ score: 40, passed: false, at: 60, seconds: 50, checks: { subject: 40, 'clear-ask': 25 } }], hintsShown: 1 },
    },
    questions: { preview_pane_test: { selected: [0], correct: true, tries: 1 } },
    reflections: {},
    startedAt: 1_718_000_000_000,
    ...overrides,
  };
}

function result(overrides: Partial<CourseResult> = {}): CourseResult {
  return {
    progressMeasure: 0.5,
    completed: false,
    finalScore: null,
    diagnosticScore: 40,
    passed: null,
    skills: CHECK_IDS.map((check) => ({ check, diagnostic: 40, final: null, overall: 85, mastered: true })),
    lessonStatuses: { why_emails_get_ignored: 'completed', lead_with_the_point: 'in-progress' },
    ...overrides,
  };
}

function store(found: FoundApi, mirror = new StandaloneStore('email_etiquette:scorm', memoryStorage()), retryDelaysMs: number[] = [5, 5, 5]) {
  return new ScormStore(found, {
    courseId: 'email_etiquette',
    lessonIds: ['why_emails_get_ignored', 'lead_with_the_point'],
    reportLearnerText: true,
    scorm12Status: 'passed-failed',
    mirror,
    retryDelaysMs,
  });
}

const lms12 = (): { lms: Lms12; found: FoundApi } => {
  const lms = new Scorm12API(SETTINGS);
  return { lms, found: { version: '1.2', api: lms as unknown as Scorm12Api } };
};
const lms2004 = (): { lms: Lms2004; found: FoundApi } => {
  const lms = new Scorm2004API(SETTINGS);
  return { lms, found: { version: '2004', api: lms as unknown as Scorm2004Api } };
};

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the LMS would send on commit, write-only elements included. */
function committed(lms: Lms12 | Lms2004): Record<string, unknown> {
  return JSON.parse(JSON.stringify(lms.renderCommitCMI(true))) as Record<string, unknown>;
}

function at(data: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

describe('SCORM 1.2 with scorm-again', () => {
  it('initialises with exit=suspend, saves and resumes progress, and reports status and skills', async () => {
    const { lms, found } = lms12();
    const s = store(found);
    const session = await s.start();
    expect(session.saved).to.equal(null);
    expect(at(committed(lms), 'cmi.core.exit')).to.equal('suspend');
    await s.save(progress());
    await s.report(result());
    expect(lms.LMSGetValue('cmi.core.lesson_location')).to.equal('lead_with_the_point');
    const suspend = lms.LMSGetValue('cmi.suspend_data');
    expect(suspend.length).to.be.above(0).and.at.most(4096);
    expect(lms.LMSGetValue('cmi.core.lesson_status')).to.equal('incomplete');
    expect(at(committed(lms), 'cmi.core.session_time')).to.match(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    expect(lms.LMSGetValue('cmi.objectives.0.id')).to.equal('skill_subject');
    expect(lms.LMSGetValue('cmi.objectives.3.id')).to.equal('skill_clear_ask');
    expect(lms.LMSGetValue('cmi.objectives.9.id')).to.equal('unit_why_emails_get_ignored');
    expect(lms.LMSGetValue('cmi.objectives.9.status')).to.equal('completed');

    // A relaunch: a new API seeded with what the LMS kept.
    const again = new Scorm12API(SETTINGS);
    again.loadFromJSON({ core: { lesson_location: 'lead_with_the_point', entry: 'resume' }, suspend_data: suspend });
    const resumed = await store({ version: '1.2', api: again as unknown as Scorm12Api }).start();
    expect(resumed.saved).to.deep.equal(progress());
  });

  it('reports passed with the score once the course is finished, and then exits normally', async () => {
    const { lms, found } = lms12();
    const s = store(found);
    await s.start();
    await s.report(result({ completed: true, finalScore: 86, passed: true, progressMeasure: 1 }));
    expect(lms.LMSGetValue('cmi.core.lesson_status')).to.equal('passed');
    expect(lms.LMSGetValue('cmi.core.score.raw')).to.equal('86');
    expect(at(committed(lms), 'cmi.core.exit')).to.equal('');
    await s.finish();
    expect(lms.isTerminated()).to.equal(true);
  });

  it('records a rewrite as fill-in within 255 characters, and a lesson\'s checks as numeric', async () => {
    const { lms, found } = lms12();
    const s = store(found);
    await s.start();
    await s.recordInteraction({ id: 'scanner budget_1', kind: 'rewrite', response: 'Subject\n\n' + 'word '.repeat(200), correct: false, score: 40, at: Date.now(), latencySeconds: 125 });
    await s.recordInteraction({ id: 'lesson one_checks', kind: 'checks', response: '', correct: false, score: 67, at: Date.now(), latencySeconds: 41 });
    expect(s.lmsErrors).to.deep.equal([]);
    const interactions = at(committed(lms), 'cmi.interactions') as Record<string, Record<string, string>>;
    const rewrite = interactions['0'];
    const question = interactions['1'];
    expect(rewrite?.['id']).to.equal('scanner_budget_1');
    expect(rewrite?.['type']).to.equal('fill-in');
    expect(rewrite?.['student_response']?.length).to.be.at.most(255);
    expect(rewrite?.['result']).to.equal('wrong');
    expect(rewrite?.['latency']).to.match(/^\d{2,4}:02:05(\.\d{1,2})?$/);
    expect(question?.['id']).to.equal('lesson_one_checks');
    expect(question?.['type']).to.equal('numeric');
    expect(question?.['student_response'] ?? '').to.equal('');
    expect(question?.['result']).to.equal('67');
    expect(question?.['latency']).to.match(/^\d{2,4}:00:41(\.\d{1,2})?$/);
  });
});

describe('SCORM 2004 with scorm-again', () => {
  it('keeps completion and success apart, with scaled score and progress measure', async () => {
    const { lms, found } = lms2004();
    const s = store(found);
    const session = await s.start();
    expect(session.saved).to.equal(null); // a first launch: cmi.suspend_data answers 403, not an error
    expect(s.lmsErrors).to.deep.equal([]);
    expect(at(committed(lms), 'cmi.exit')).to.equal('suspend');
    await s.report(result());
    expect(lms.GetValue('cmi.completion_status')).to.equal('incomplete');
    expect(lms.GetValue('cmi.success_status')).to.equal('unknown');
    expect(lms.GetValue('cmi.progress_measure')).to.equal('0.5');
    await s.report(result({ completed: true, finalScore: 72, passed: false, progressMeasure: 1 }));
    expect(lms.GetValue('cmi.completion_status')).to.equal('completed');
    expect(lms.GetValue('cmi.success_status')).to.equal('failed');
    expect(lms.GetValue('cmi.score.scaled')).to.equal('0.72');
    expect(lms.GetValue('cmi.objectives.3.success_status')).to.equal('passed');
    expect(at(committed(lms), 'cmi.exit')).to.equal('normal');
  });

  it('records interactions in the required order, without descriptions, with strict timestamps', async () => {
    const { lms, found } = lms2004();
    const s = store(found);
    await s.start();
    await s.recordInteraction({ id: 'q1', kind: 'checks', response: '', correct: false, score: 0, at: Date.UTC(2024, 5, 1, 10, 20, 30, 987), latencySeconds: 3 });
    await s.recordInteraction({ id: 'rewrite_1', kind: 'rewrite', response: 'Subject: x\n\nBody', correct: true, score: 90, at: Date.now(), latencySeconds: 300 });
    expect(s.lmsErrors).to.deep.equal([]);
    expect(lms.GetValue('cmi.interactions._count')).to.equal('2');
    expect(lms.GetValue('cmi.interactions.0.description')).to.equal('');
    expect(lms.GetValue('cmi.interactions.0.timestamp')).to.equal('2024-06-01T10:20:30.9Z');
    expect(lms.GetValue('cmi.interactions.0.type')).to.equal('numeric');
    expect(lms.GetValue('cmi.interactions.0.result')).to.equal('0');
    expect(lms.GetValue('cmi.interactions.1.type')).to.equal('long-fill-in');
    expect(lms.GetValue('cmi.interactions.1.learner_response')).to.contain('Subject: x');
  });
});

describe('an LMS that misbehaves', () => {
  it('finds no API when there is none, and finds one up the frame chain when there is', () => {
    expect(findScormApi({ parent: null })).to.equal(null);
    const { lms } = lms12();
    const top = { API: lms };
    const middle = { parent: top };
    expect(findScormApi({ parent: middle })?.version).to.equal('1.2');
    const hostile = {
      get parent(): unknown {
        throw new Error('cross-origin');
      },
    };
    expect(findScormApi(hostile)).to.equal(null);
  });

  it('retries a commit the LMS refuses and loses nothing when it recovers', async () => {
    const { lms, found } = lms2004();
    let refusals = 2;
    const commit = lms.Commit.bind(lms);
    lms.Commit = (arg?: string) => {
      if (refusals > 0) {
        refusals -= 1;
        lms.lastErrorCode = '391';
        return 'false';
      }
      return commit(arg);
    };
    const notices: StoreNotice[] = [];
    const s = store(found);
    s.onNotice((n) => notices.push(n));
    await s.start();
    await s.save(progress());
    await wait(50);
    expect(refusals).to.equal(0);
    expect(notices).to.deep.equal([]);
    expect(lms.GetValue('cmi.suspend_data')).to.not.equal('');
  });

  it('tells the learner calmly when commits keep failing, and mirrors progress in the browser', async () => {
    const { lms, found } = lms12();
    lms.LMSCommit = () => {
      lms.lastErrorCode = '391';
      return 'false';
    };
    const storage = memoryStorage();
    const notices: StoreNotice[] = [];
    const s = store(found, new StandaloneStore('email_etiquette:scorm', storage));
    s.onNotice((n) => notices.push(n));
    await s.start();
    await s.save(progress());
    await wait(80);
    expect(notices).to.deep.equal(['save-failed']);
    expect(JSON.parse(storage.getItem('email-course:email_etiquette:scorm:progress') ?? 'null')).to.deep.equal(progress());
  });

  it('treats SetValue answering false with error 0 as done', async () => {
    const { lms, found } = lms12();
    const set = lms.LMSSetValue.bind(lms);
    lms.LMSSetValue = (element: string, value: string) => {
      set(element, value);
      lms.lastErrorCode = '0';
      return 'false';
    };
    const s = store(found);
    await s.start();
    await s.save(progress());
    expect(s.lmsErrors).to.deep.equal([]);
  });

  it('starts a new attempt fresh even when the browser holds the last one, and marks it begun', async () => {
    const lms = new Scorm2004API(SETTINGS);
    lms.loadFromJSON({ entry: 'ab-initio' });
    const storage = memoryStorage();
    storage.setItem('email-course:email_etiquette:scorm:progress', JSON.stringify(progress()));
    const session = await store({ version: '2004', api: lms as unknown as Scorm2004Api }, new StandaloneStore('email_etiquette:scorm', storage)).start();
    expect(session.saved).to.equal(null);
    expect(lms.GetValue('cmi.completion_status')).to.equal('incomplete');
  });

  it('keeps the course running in the browser when Initialize fails', async () => {
    const { lms, found } = lms12();
    lms.LMSInitialize = () => {
      lms.lastErrorCode = '101';
      return 'false';
    };
    const storage = memoryStorage();
    storage.setItem('email-course:email_etiquette:scorm:progress', JSON.stringify(progress()));
    const session = await store(found, new StandaloneStore('email_etiquette:scorm', storage)).start();
    expect(session.notice).to.equal('lms-unavailable');
    expect(JSON.parse(String(session.saved))).to.deep.equal(progress());
  });

  it('hands back tampered suspend_data as unreadable, and never reports a lower score than the LMS held', async () => {
    const lms = new Scorm2004API(SETTINGS);
    lms.loadFromJSON({ suspend_data: 'p1:not-lz-data!!', score: { raw: '88', min: '0', max: '100' }, success_status: 'passed' });
    const s = store({ version: '2004', api: lms as unknown as Scorm2004Api });
    const session = await s.start();
    expect(session.saved).to.equal('p1:not-lz-data!!');
    await s.report(result({ completed: true, finalScore: 70, passed: false, progressMeasure: 1 }));
    expect(lms.GetValue('cmi.score.raw')).to.equal('88');
    expect(lms.GetValue('cmi.success_status')).to.equal('passed');
  });

  it('refuses every call after Terminate, and a second Terminate, without reaching the LMS', async () => {
    const { lms, found } = lms2004();
    const s = store(found);
    await s.start();
    await s.finish();
    let calls = 0;
    lms.SetValue = () => {
      calls += 1;
      return 'true';
    };
    lms.Terminate = () => {
      calls += 1;
      return 'true';
    };
    await s.save(progress());
    await s.finish();
    expect(calls).to.equal(0);
  });
});
