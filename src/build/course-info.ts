// What the hosts need of lessons/course.yaml at start: the title and pass mark (the page title
// and the LMS's mastery score) and the course id (the cmi5 preview's default IRI). A missing or
// odd file is not fatal: the hosts fall back to their defaults.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

const COURSE_FILE = new URL('../../lessons/course.yaml', import.meta.url);

function readCourseFields(file: string | URL): Record<string, unknown> {
  try {
    const data: unknown = parseYaml(readFileSync(file, 'utf8'));
    return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The course's title and pass mark, each when the file has a usable one. */
export function readCourseInfo(file: string | URL = COURSE_FILE): { courseTitle?: string; passScore?: number } {
  const d = readCourseFields(file);
  const info: { courseTitle?: string; passScore?: number } = {};
  if (typeof d['title'] === 'string') info.courseTitle = d['title'];
  if (typeof d['passScore'] === 'number' && d['passScore'] >= 0 && d['passScore'] <= 100) info.passScore = d['passScore'];
  return info;
}

/** The course id (the default IRI is made from it, as in the package). */
export function readCourseId(file: string | URL = COURSE_FILE): string {
  const id = readCourseFields(file)['id'];
  return typeof id === 'string' && id !== '' ? id : 'email_etiquette';
}
