// What the self-hosted server hands scorm-again (SCORM 2004) before the course starts: the
// learner's last commit minus what belongs to that session only, the learner's id and name from
// the records (never from the client), and entry = resume when there is saved progress. Pure.
import { isPlainObject } from '../content/json-values.ts';
export type Entry = 'resume' | 'ab-initio';

export interface LearnerSeed {
  cmi: Record<string, unknown>;
  entry: Entry;
}

export function learnerSeed(saved: Record<string, unknown> | undefined, learner: { id: string; name: string }, passScore?: number): LearnerSeed {
  const cmi: Record<string, unknown> = isPlainObject(saved) ? structuredClone(saved) : {};
  const suspendData = cmi['suspend_data'];
  const entry: Entry = typeof suspendData === 'string' && suspendData !== '' ? 'resume' : 'ab-initio';
  // exit and session_time describe the last session only; an LMS never hands them back.
  delete cmi['exit'];
  delete cmi['session_time'];
  Object.assign(cmi, { entry, learner_id: learner.id, learner_name: learner.name, credit: 'credit', mode: 'normal' });
  if (passScore !== undefined) cmi['scaled_passing_score'] = String(passScore / 100);
  return { cmi, entry };
}
