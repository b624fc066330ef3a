/**
 * A problem in a course file, said so an instructional designer can fix it: the file, the field
 * and what to do, e.g. `lessons/04-one-topic.yaml: scenarios[1].rubric.weights.clearask:
 * unknown check id; did you mean clear-ask?`
 */
import type { z } from 'zod';
import { CHECK_IDS } from '../analyzer/index.ts';
import { didYouMean } from './suggest.ts';

export interface ContentProblem {
  file: string;
  /** Where in the file, as `scenarios[1].rubric.passScore`, or '' for the file itself. */
  field: string;
  message: string;
}

export function formatProblem(p: ContentProblem): string {
  return p.field ? `${p.file}: ${p.field}: ${p.message}` : `${p.file}: ${p.message}`;
}

export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Field names a lesson or course file may use, for "did you mean" on a misspelt one. */
const KNOWN_FIELDS = [
  'id', 'title', 'role', 'minutes', 'objectives', 'check', 'text', 'reading', 'example', 'before', 'after', 'changes',
  'change', 'why', 'questions', 'type', 'prompt', 'options', 'correct', 'feedback', 'retry', 'scenarios', 'kind',
  'audience', 'context', 'you', 'reader', 'need', 'original', 'model', 'subject', 'body', 'rubric', 'checks', 'weights',
  'passScore', 'maxAttempts', 'hintReveal', 'hints', 'reflection', 'guidance', 'description', 'lessons', 'settings',
  'lockUnitsInOrder', 'defaultAttempts', 'reportLearnerText', 'scorm12Status', 'facts', 'label', 'any', 'ask', 'deadline',
  'stakes', 'terms', 'term', 'means',
];

function describeType(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list (lines starting with “- ”)';
    case 'object':
      return 'a group of fields (indented lines of “name: value”)';
    default:
      return expected;
  }
}

/** Turns zod's issues into messages that say what is wrong and how to fix it. */
export function fromZodIssues(file: string, issues: readonly z.core.$ZodIssue[]): ContentProblem[] {
  const out: ContentProblem[] = [];
  for (const issue of issues) {
    const field = fieldPath(issue.path);
    switch (issue.code) {
      case 'invalid_type':
        out.push({
          file,
          field,
          message: issue.input === undefined ? `is missing; add it (${describeType(issue.expected)})` : `should be ${describeType(issue.expected)}`,
        });
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          // Rubric weights are keyed by check id; anywhere else an unknown key is a misspelt field.
          const weights = field.endsWith('weights');
          const message = weights ? `unknown check id${didYouMean(key, CHECK_IDS)}` : `unknown field${didYouMean(key, KNOWN_FIELDS)}`;
          out.push({ file, field: field ? `${field}.${key}` : key, message });
        }
        break;
      case 'invalid_value': {
        const allowed = issue.values.map(String);
        const given = typeof issue.input === 'string' ? issue.input : String(issue.input);
        const what = field.endsWith('check') || /checks\[\d+\]$/.test(field) ? 'unknown check id' : `“${given}” is not allowed`;
        out.push({ file, field, message: `${what}${didYouMean(given, allowed) || `; use one of: ${allowed.join(', ')}`}` });
        break;
      }
      case 'too_small':
        out.push({
          file,
          field,
          message:
            issue.origin === 'array'
              ? `needs at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}`
              : issue.origin === 'string'
                ? 'is empty; write the text'
                : `must be at least ${String(issue.minimum)}`,
        });
        break;
      case 'too_big':
        out.push({ file, field, message: issue.origin === 'array' ? `has more than ${String(issue.maximum)} items` : `must be at most ${String(issue.maximum)}` });
        break;
      case 'invalid_format':
      default:
        out.push({
          file,
          field,
          message:
            issue.message === 'ID_FORMAT'
              ? 'is not a valid id; use letters, digits and underscores only, starting with a letter (e.g. lead_with_the_point)'
              : issue.message,
        });
    }
  }
  return out;
}
