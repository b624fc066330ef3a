/** Loads the learner-facing UI wording from lessons/ui/<group>.yaml, one group a file. */
import { parseDocument } from 'yaml';
import type { ContentFile } from './load.ts';
import { fromZodIssues, type ContentProblem } from './problems.ts';
import { UI_GROUPS, type UiGroup, type UiStrings } from './strings/index.ts';

export type UiLoad = { ok: true; strings: UiStrings } | { ok: false; problems: ContentProblem[] };

function groupOf(path: string): UiGroup | undefined {
  const name = /([^/\\]+)\.ya?ml$/.exec(path)?.[1];
  return (Object.keys(UI_GROUPS) as UiGroup[]).find((g) => g === name);
}

export function loadUiStrings(files: readonly ContentFile[], folder = 'lessons/ui'): UiLoad {
  const problems: ContentProblem[] = [];
  const strings: Partial<Record<UiGroup, unknown>> = {};
  for (const file of files) {
    const group = groupOf(file.path);
    if (!group) {
      problems.push({ file: file.path, field: '', message: `unknown wording file; the groups are ${Object.keys(UI_GROUPS).join(', ')}` });
      continue;
    }
    const doc = parseDocument(file.text, { uniqueKeys: true });
    if (doc.errors.length > 0) {
      problems.push({ file: file.path, field: '', message: `not valid YAML: ${doc.errors[0]?.message.split('\n')[0] ?? ''}` });
      continue;
    }
    const parsed = UI_GROUPS[group].safeParse(doc.toJS(), { reportInput: true });
    if (parsed.success) strings[group] = parsed.data;
    else problems.push(...fromZodIssues(file.path, parsed.error.issues));
  }
  for (const group of Object.keys(UI_GROUPS) as UiGroup[]) {
    if (!(group in strings) && !problems.some((p) => groupOf(p.file) === group)) {
      problems.push({ file: `${folder}/${group}.yaml`, field: '', message: 'the wording file is missing' });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, strings: strings as UiStrings };
}
