/** Picks where progress goes: the LMS's SCORM API when the course was launched by one, else the browser. */
import type { CourseOutline } from '../content/outline.ts';
import { findScormApi, isFramed } from './api-finder.ts';
import { isCmi5Launch } from './cmi5/launch.ts';
import { LazyCmi5Store } from './cmi5/lazy-store.ts';
import { ScormStore } from './scorm-store.ts';
import { StandaloneStore } from './standalone.ts';
import type { LearningRecordStore, StoreNotice } from './store.ts';

export interface ChosenStore {
  store: LearningRecordStore;
  /** Set when the course runs in a frame (so probably an LMS) but found no API. */
  notice?: StoreNotice;
}

export function chooseStore(win: unknown, course: CourseOutline): ChosenStore {
  // A cmi5 LMS launches with its parameters in the URL (cmi5 section 8.1).
  const href = (win as { location?: { href?: unknown } } | null)?.location?.href;
  if (typeof href === 'string' && isCmi5Launch(href)) {
    return { store: new LazyCmi5Store({ courseId: course.id, reportLearnerText: course.settings.reportLearnerText, launchUrl: href }) };
  }
  const found = findScormApi(win);
  if (found) {
    return {
      store: new ScormStore(found, {
        courseId: course.id,
        lessonIds: course.lessons.map((l) => l.id),
        reportLearnerText: course.settings.reportLearnerText,
        scorm12Status: course.settings.scorm12Status,
      }),
    };
  }
  const store = new StandaloneStore(course.id);
  return isFramed(win) ? { store, notice: 'lms-not-found' } : { store };
}
