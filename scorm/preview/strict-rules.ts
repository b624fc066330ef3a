// What the preview's strict mode (`npm start -- --strict`) does differently from scorm-again,
// each rule with where it comes from. Pure, so the rules are tested in Node; strict-lms.ts
// applies them to the API objects in the host page.
//
// Sources (read, not copied): Moodle's mod/scorm player, `datamodels/scorm_12.js` and
// `datamodels/scorm_13.js` (the API objects), `request.js` (how commits travel); the SCORM 1.2
// Run-Time Environment (CMIString255, CMIString4096, CMITimespan, CMITime) and the SCORM 2004
// 4th edition Run-Time Environment (characterstring(SPM), time(second,10,0), timeinterval).
import type { ScormVersion } from './version.ts';

/** A SetValue a strict LMS refuses: the error code it answers, and why. */
export interface Refusal {
  code: '405' | '406';
  reason: string;
}

// SCORM 1.2 RTE 3.4: CMIString255 / CMIString4096 / CMIFeedback (255). Moodle's scorm_12.js
// checks each element against these lengths and answers 405 ("incorrect data type").
const LIMITS_12: [RegExp, number][] = [
  [/^cmi\.suspend_data$/, 4096],
  [/^cmi\.comments$/, 4096],
  [/^cmi\.core\.lesson_location$/, 255],
  [/^cmi\.interactions\.\d+\.(?:id|student_response|correct_responses\.\d+\.pattern)$/, 255],
  [/^cmi\.interactions\.\d+\.objectives\.\d+\.id$/, 255],
  [/^cmi\.objectives\.\d+\.id$/, 255],
];

// Free text that must stay on one line. Moodle's scorm_13.js checks learner_response,
// comments and descriptions with regular expressions built on `.`, which never matches a line
// break, so a value with one fails (406); its 1.2 CMIFeedback check is built the same way (405).
const ONE_LINE: Record<ScormVersion, RegExp> = {
  '12': /^cmi\.(?:comments|interactions\.\d+\.student_response)$/,
  '2004': /^cmi\.(?:comments_from_learner\.\d+\.comment|interactions\.\d+\.(?:learner_response|description)|objectives\.\d+\.description)$/,
};

// SCORM 2004 time(second,10,0) and timeinterval(second,10,2): at most hundredths. Moodle's
// scorm_13.js CMITime and CMITimespan patterns accept one or two decimals, no more (406).
const TIMESTAMP_2004 = /^cmi\.(?:interactions\.\d+\.timestamp|comments_from_learner\.\d+\.timestamp)$/;
const DURATION_2004 = /^cmi\.(?:session_time|interactions\.\d+\.latency)$/;
const MORE_THAN_HUNDREDTHS = /\.\d{3,}/;

export function refusal(version: ScormVersion, element: string, value: string): Refusal | undefined {
  if (ONE_LINE[version].test(element) && /[\r\n]/.test(value)) {
    return { code: version === '12' ? '405' : '406', reason: 'a line break in a one-line text' };
  }
  if (version === '12') {
    const limit = LIMITS_12.find(([pattern]) => pattern.test(element))?.[1];
    if (limit !== undefined && value.length > limit) return { code: '405', reason: `${value.length} characters, over SCORM 1.2's ${limit}` };
    return undefined;
  }
  if ((TIMESTAMP_2004.test(element) || DURATION_2004.test(element)) && MORE_THAN_HUNDREDTHS.test(value)) {
    return { code: '406', reason: 'more than two decimals of a second' };
  }
  return undefined;
}

// Moodle keeps the run-time data in a JavaScript object and GetValue hands it back as it is:
// `_count` is a number it counts itself, and scores come back as numbers once set
// (scorm_12.js / scorm_13.js GetValue). Courses must not assume strings.
const NUMERIC = /(?:\._count|\.score\.(?:raw|min|max|scaled))$/;

export function asStrictGetValue(element: string, value: string): string | number {
  if (!NUMERIC.test(element) || value.trim() === '') return value;
  const n = Number(value);
  return Number.isFinite(n) ? n : value;
}

// How Moodle names elements in a commit: request.js posts `name=value` pairs, form-encoded, and
// scorm_1x.js writes each name with dots as `__` and array indices as `N<i>` (CollectData).
export function moodleName(element: string): string {
  return element
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? `N${part}` : part))
    .join('__');
}

export function elementOfMoodleName(name: string): string {
  return name
    .split('__')
    .map((part) => (/^N\d+$/.test(part) ? part.slice(1) : part))
    .join('.');
}

/** The body of one commit: every element given, form-encoded as Moodle's player posts it. */
export function commitBody(elements: ReadonlyMap<string, string>): string {
  return [...elements].map(([element, value]) => `${moodleName(element)}=${encodeURIComponent(value)}`).join('&');
}

/** The elements in a commit body (for the preview server). Names that aren't cmi.* are ignored. */
export function parseCommitBody(body: string): Map<string, string> {
  const elements = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(body)) {
    const element = elementOfMoodleName(name);
    if (/^cmi\.[A-Za-z0-9_.]+$/.test(element)) elements.set(element, value);
  }
  return elements;
}

/** Seconds in a 1.2 CMITimespan (HHHH:MM:SS.SS) or a 2004 timeinterval (PnYnMnDTnHnMnS). */
export function durationSeconds(text: string): number {
  const hms = /^(\d{2,4}):(\d{2}):(\d{2}(?:\.\d{1,2})?)$/.exec(text);
  if (hms) return Number(hms[1]) * 3600 + Number(hms[2]) * 60 + Number(hms[3]);
  const iso = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!iso) return 0;
  const [, y, mo, d, h, mi, s] = iso.map((part) => Number(part ?? 0));
  return (y ?? 0) * 31_536_000 + (mo ?? 0) * 2_592_000 + (d ?? 0) * 86_400 + (h ?? 0) * 3600 + (mi ?? 0) * 60 + (s ?? 0);
}

/** The commits a strict LMS made: what a test or the panel reports. */
export interface CommitLog {
  call: 'Commit' | 'Terminate';
  /** Bytes posted. */
  bytes: number;
  elements: number;
  via: 'xhr' | 'beacon';
  ok: boolean;
}

/** Chromium's budget for beacons in flight: 64 KiB shared by all of a page's keepalive requests. */
export const BEACON_BUDGET_BYTES = 64 * 1024;

type Tree = Record<string, unknown>;

/**
 * A stored `cmi` tree with a commit's elements written in (`cmi.interactions.0.id` lands at
 * cmi.interactions["0"].id, the shape scorm-again loads), as an LMS stores each posted value.
 */
export function mergeElements(cmi: Tree | undefined, elements: ReadonlyMap<string, string>): Tree {
  const root: Tree = cmi ? structuredClone(cmi) : {};
  for (const [element, value] of elements) {
    const path = element.split('.').slice(1);
    const last = path.pop();
    if (last === undefined || path.some((key) => key === '__proto__' || key === 'constructor' || key === 'prototype')) continue;
    let node = root;
    for (const key of path) {
      const next = node[key];
      if (typeof next === 'object' && next !== null && !Array.isArray(next)) node = next as Tree;
      else {
        const created: Tree = {};
        node[key] = created;
        node = created;
      }
    }
    node[last] = value;
  }
  return root;
}
