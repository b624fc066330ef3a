// Composition root: loads the course, restores the learner's progress, creates the course actor
// and wires what it reports to the learning record store. Only this file connects flows to lms.
import { createActor } from 'xstate';
import { courseData, loadLesson } from './course-data.ts';
import { restoreProgress } from './content/progress.ts';
import './components/course-player.ts';
import type { CoursePlayer, PlayerNotice } from './components/course-player.ts';
import { courseMachine } from './flows/course.ts';
import { LessonChecks } from './flows/lesson-checks.ts';
import { chooseStore } from './lms/choose-store.ts';
import type { LearningRecordStore, StoreNotice } from './lms/store.ts';

const SAVE_DELAY_MS = 800;

function noticeOf(notice: StoreNotice): PlayerNotice {
  return notice;
}

async function startCourse(root: HTMLElement, store: LearningRecordStore, launchNotice?: StoreNotice): Promise<void> {
  const { outline: course, strings } = courseData;
  const session = await store.start();
  const restored = restoreProgress(session.saved, course, Date.now());
  const actor = createActor(courseMachine, { input: { course, progress: restored.progress } });

  const player = document.createElement('course-player') as CoursePlayer;
  player.strings = strings;
  player.loadLesson = loadLesson;
  player.resumed = session.saved !== null && session.saved !== undefined && restored.notice === undefined;
  const notices: PlayerNotice[] = [];
  if (launchNotice) notices.push(noticeOf(launchNotice));
  if (session.notice) notices.push(noticeOf(session.notice));
  if (restored.notice) notices.push(restored.notice === 'corrupted' ? 'progress-corrupted' : 'progress-partly-kept');
  player.notices = notices;
  store.onNotice((n) => {
    if (!player.notices.includes(noticeOf(n))) player.notices = [...player.notices, noticeOf(n)];
  });

  // Saving waits for a pause in typing; leaving the page saves at once.
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The stores do their work synchronously, so save → report → finish keep their order even
  // when the page is being unloaded.
  const saveNow = () => {
    clearTimeout(timer);
    timer = undefined;
    const { progress, result } = actor.getSnapshot().context;
    void store.save(progress);
    void store.report(result);
  };
  actor.on('progress.changed', () => {
    clearTimeout(timer);
    timer = setTimeout(saveNow, SAVE_DELAY_MS);
  });
  actor.on('course.completed', () => saveNow());
  actor.on('exercise.attempted', (e) => {
    void store.recordInteraction({
      id: `${e.scenarioId}_${e.attemptNumber}`,
      kind: 'rewrite',
      response: `${e.draft.subject}\n\n${e.draft.body}`,
      correct: e.attempt.passed,
      score: e.attempt.score,
      checks: e.attempt.checks,
      at: actor.getSnapshot().context.progress.startedAt + e.attempt.at * 1000,
      latencySeconds: e.attempt.seconds,
    });
  });
  // A retry's latency counts from the previous answer, not from when the question was shown.
  const answeredAt = new Map<string, number>();
  // A lesson's knowledge checks go to the LMS as one interaction, once all are settled.
  const checks = new LessonChecks(course, actor.getSnapshot().context.progress);
  actor.on('question.answered', (e) => {
    const now = Date.now();
    const since = Math.max(e.shownAt ?? now, answeredAt.get(e.questionId) ?? 0);
    answeredAt.set(e.questionId, now);
    const latencySeconds = Math.max(0, (now - since) / 1000);
    if (store.questionDetail === 'each') {
      const question = course.lessons.find((l) => l.id === e.lessonId)?.questions.find((q) => q.id === e.questionId);
      void store.recordInteraction({
        id: e.questionId,
        kind: 'question',
        description: question?.prompt ?? e.questionId,
        response: e.progress.selected.join(','),
        correct: e.progress.correct,
        score: e.progress.correct ? 100 : 0,
        at: now,
        latencySeconds,
      });
      return;
    }
    const summary = checks.answered(e.questionId, e.progress, latencySeconds, actor.getSnapshot().context.progress.questions);
    if (!summary) return;
    void store.recordInteraction({
      id: `${summary.lessonId}_checks`,
      kind: 'checks',
      response: '',
      correct: summary.correct === summary.questions,
      score: summary.score,
      at: now,
      latencySeconds: summary.latencySeconds,
    });
  });
  // Hidden may mean gone for good (mobile browsers often never fire pagehide): send what waits.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'hidden') return;
    if (timer !== undefined) saveNow();
    store.flush?.();
  });
  // Leaving: progress and report set, then Terminate, whose own commit carries them.
  window.addEventListener('pagehide', () => {
    saveNow();
    void store.finish();
  });

  actor.start();
  player.actor = actor;
  root.classList.remove('boot');
  root.replaceChildren(player);
  // A cmi5 LMS that gave a returnURL expects the learner to leave through the course.
  if (store.canLeave && store.leave) {
    const exit = document.createElement('button');
    exit.type = 'button';
    exit.className = 'lms-exit';
    exit.textContent = strings.player.exitToLms;
    exit.addEventListener('click', () => {
      exit.disabled = true;
      saveNow();
      void store.leave?.();
    });
    root.append(exit);
  }
}

const root = document.getElementById('course');
if (root) {
  const chosen = chooseStore(window, courseData.outline);
  startCourse(root, chosen.store, chosen.notice).catch((error: unknown) => {
    // Never a blank page: say what happened and keep the console detail for support.
    console.error(error);
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = courseData.strings.player.loadError;
    root.replaceChildren(p);
  });
}
