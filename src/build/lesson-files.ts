// Reads the course's data files from lessons/ for the content loader.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentFile } from '../content/load.ts';
import { CliError, errorMessage } from '../node/fail.ts';

export const LESSONS_DIR = 'lessons';

export function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${errorMessage(error)}`);
  }
}

/** Every `.yaml` file in the lessons folder, in file-name order. */
export function readLessonFiles(dir = LESSONS_DIR): ContentFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'));
  } catch (error) {
    throw new CliError(`cannot read the lessons folder ${dir}: ${errorMessage(error)}`);
  }
  return names.sort().map((name) => {
    const path = join(dir, name);
    return { path, text: readTextFile(path) };
  });
}
