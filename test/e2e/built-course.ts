// The real course, built and served for a test that drives it in Chromium: a new temp folder
// with the build in DIR/web, the server the test chooses, and a headless Chromium. The e2e tests
// (journey, layout, the SCORM preview and the cmi5 AU) all start and stop this way.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildCourse } from '../../src/build/course-build.ts';
import type { Course } from '../../src/content/schema.ts';
import type { UiStrings } from '../../src/content/strings/index.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/node/chromium-launch.ts';
import { loadCourseFiles } from './course-files.ts';

/** axe-core's script, to inject into a page and audit it. */
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Closable {
  close(): Promise<void>;
}

export interface BuiltCourse<S extends Closable> {
  /** The temp folder: the build in web/, anything else the test keeps beside it. */
  dir: string;
  server: S;
  browser: Browser;
  course: Course;
  strings: UiStrings;
}

/**
 * Builds the course into a new temp folder named after `prefix`, runs `alongside` (other set-up
 * that needs the folder) at the same time, starts `serve` on the build, and launches Chromium.
 * Whatever fails part-way, what was started is stopped and the folder removed.
 */
export async function openBuiltCourse<S extends Closable>(prefix: string, serve: (webDir: string, dir: string, course: Course) => Promise<S>, alongside?: (dir: string) => Promise<unknown>): Promise<BuiltCourse<S>> {
  const { course, strings } = loadCourseFiles();
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const started: Partial<BuiltCourse<S>> = { dir };
  try {
    const webDir = join(dir, 'web');
    await Promise.all([buildCourse(webDir), alongside?.(dir)]);
    started.server = await serve(webDir, dir, course);
    started.browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    return { dir, server: started.server, browser: started.browser, course, strings };
  } catch (error) {
    await closeBuiltCourse(started);
    throw error;
  }
}

export async function closeBuiltCourse(built: Partial<BuiltCourse<Closable>> | undefined): Promise<void> {
  await built?.browser?.close();
  await built?.server?.close();
  if (built?.dir) await rm(built.dir, { recursive: true, force: true });
}
