// What a learner's browser loads, from a built course: the figures `npm run bench` prints and
// the README quotes (a test holds the README to them).
import { initialAssets, type AssetSize } from './course-build.ts';
import { readLessonFiles } from './lesson-files.ts';

/** 1 KB = 1000 bytes, as Vite reports sizes. */
export const KB = 1000;

export interface CourseSizes {
  /** Everything index.html loads before the first lesson shows, with the first lesson's own chunk. */
  beforeFirstLesson: AssetSize[];
  beforeFirstLessonGzipKB: number;
  /** Loaded just after the first lesson shows: rewrites, worked examples and the analyzer. */
  afterFirstLessonGzipKB: number;
}

/** The first lesson's id, from the first lesson file in lessons/. */
export function firstLessonId(): string | undefined {
  const firstLesson = readLessonFiles().find((f) => !f.path.endsWith('course.yaml'));
  return firstLesson ? /^id:\s*(\S+)/m.exec(firstLesson.text)?.[1] : undefined;
}

const gzipKB = (assets: readonly AssetSize[]) => assets.reduce((n, a) => n + a.gzipBytes, 0) / KB;

export function courseSizes(webDir: string): CourseSizes {
  const firstId = firstLessonId();
  const before = initialAssets(webDir, firstId ? [firstId] : []);
  const after = initialAssets(webDir, ['lesson-activities', 'email-editor']).filter((a) => !before.some((b) => b.path === a.path));
  return { beforeFirstLesson: before, beforeFirstLessonGzipKB: gzipKB(before), afterFirstLessonGzipKB: gzipKB(after) };
}
