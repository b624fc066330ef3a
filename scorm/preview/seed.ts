// What the preview LMS hands scorm-again before the course starts, as a real LMS would: the
// learner record of the last session (minus what belongs to that session only), the preview
// learner, and `entry` = resume when there is saved progress. Pure, so it is tested in Node.
import type { ScormVersion } from './version.ts';
import { isPlainObject } from '../../src/content/json-values.ts';

export const PREVIEW_LEARNER = { id: 'preview_learner', name: 'Learner, Preview' } as const;

export type Entry = 'resume' | 'ab-initio';

export interface Seed {
  /** The `cmi` tree for `loadFromJSON`. */
  cmi: Record<string, unknown>;
  entry: Entry;
}

type Tree = Record<string, unknown>;

function branch(tree: Tree, key: string): Tree {
  const value = tree[key];
  const copy: Tree = isPlainObject(value) ? { ...value } : {};
  tree[key] = copy;
  return copy;
}

/**
 * The seed for a launch. `saved` is the `cmi` tree of the stored record (undefined on a first
 * launch); `passScore` (0–100) is the course's pass mark, which a package gives the LMS as the
 * 1.2 mastery score and the 2004 scaled passing score.
 */
export function seedFor(version: ScormVersion, saved: Tree | undefined, passScore?: number): Seed {
  const cmi: Tree = saved ? structuredClone(saved) : {};
  const suspendData = cmi['suspend_data'];
  const entry: Entry = typeof suspendData === 'string' && suspendData !== '' ? 'resume' : 'ab-initio';
  if (version === '12') {
    const core = branch(cmi, 'core');
    // exit and session_time describe the last session only; an LMS never hands them back.
    delete core['exit'];
    delete core['session_time'];
    Object.assign(core, { entry, student_id: PREVIEW_LEARNER.id, student_name: PREVIEW_LEARNER.name, credit: 'credit', lesson_mode: 'normal' });
    if (passScore !== undefined) branch(cmi, 'student_data')['mastery_score'] = String(passScore);
  } else {
    delete cmi['exit'];
    delete cmi['session_time'];
    Object.assign(cmi, { entry, learner_id: PREVIEW_LEARNER.id, learner_name: PREVIEW_LEARNER.name, credit: 'credit', mode: 'normal' });
    if (passScore !== undefined) cmi['scaled_passing_score'] = String(passScore / 100);
  }
  return { cmi, entry };
}
