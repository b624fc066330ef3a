// What a strict LMS would reject among the values a course set. scorm-again accepts all of these
// (it is lenient); real LMSs enforce the standard's limits, so the preview points them out.
// Pure: no DOM, so the rules are tested in Node and the host page only renders the findings.

import type { ScormVersion } from './version.ts';

export type StrictRule =
  | 'suspend-data-length'
  | 'location-length'
  | 'identifier-characters'
  | 'description-length'
  | 'timestamp-milliseconds'
  | 'response-length';

export interface StrictFinding {
  element: string;
  rule: StrictRule;
  /** The length that is too long, or the offending value. */
  actual: number | string;
  limit?: number;
}

const SUSPEND_DATA_LIMIT: Record<ScormVersion, number> = { '12': 4096, '2004': 64000 };
const LOCATION: Record<ScormVersion, { element: string; limit: number }> = {
  '12': { element: 'cmi.core.lesson_location', limit: 255 },
  '2004': { element: 'cmi.location', limit: 1000 },
};
const DESCRIPTION_LIMIT = 250;
const RESPONSE_LIMIT_12 = 255;

const IDENTIFIER = /^[A-Za-z0-9_]+$/;
const IDENTIFIER_ELEMENT = /^cmi\.(?:interactions\.\d+\.(?:objectives\.\d+\.)?id|objectives\.\d+\.id)$/;
const DESCRIPTION_ELEMENT = /^cmi\.(?:interactions|objectives)\.\d+\.description$/;
const TIMESTAMP_ELEMENT: Record<ScormVersion, RegExp> = {
  '12': /^cmi\.interactions\.\d+\.time$/,
  '2004': /^cmi\.interactions\.\d+\.timestamp$/,
};
/** `toISOString()` gives `…T12:34:56.789Z`; Moodle and others accept at most hundredths. */
const THREE_DIGIT_FRACTION = /\.\d{3,}/;
const RESPONSE_ELEMENT_12 = /^cmi\.interactions\.\d+\.(?:student_response|correct_responses\.\d+\.pattern)$/;

/** The finding for one element's value, or undefined when a strict LMS would take it. */
export function checkValue(version: ScormVersion, element: string, value: string): StrictFinding | undefined {
  if (element === 'cmi.suspend_data' && value.length > SUSPEND_DATA_LIMIT[version]) {
    return { element, rule: 'suspend-data-length', actual: value.length, limit: SUSPEND_DATA_LIMIT[version] };
  }
  const location = LOCATION[version];
  if (element === location.element && value.length > location.limit) {
    return { element, rule: 'location-length', actual: value.length, limit: location.limit };
  }
  if (IDENTIFIER_ELEMENT.test(element) && !IDENTIFIER.test(value)) {
    return { element, rule: 'identifier-characters', actual: value };
  }
  if (version === '2004' && DESCRIPTION_ELEMENT.test(element) && value.length > DESCRIPTION_LIMIT) {
    return { element, rule: 'description-length', actual: value.length, limit: DESCRIPTION_LIMIT };
  }
  if (TIMESTAMP_ELEMENT[version].test(element) && THREE_DIGIT_FRACTION.test(value)) {
    return { element, rule: 'timestamp-milliseconds', actual: value };
  }
  if (version === '12' && RESPONSE_ELEMENT_12.test(element) && value.length > RESPONSE_LIMIT_12) {
    return { element, rule: 'response-length', actual: value.length, limit: RESPONSE_LIMIT_12 };
  }
  return undefined;
}

/** Every finding among the current values, in element order. */
export function findStrictProblems(version: ScormVersion, values: ReadonlyMap<string, string>): StrictFinding[] {
  const findings: StrictFinding[] = [];
  for (const [element, value] of values) {
    const finding = checkValue(version, element, value);
    if (finding) findings.push(finding);
  }
  return findings.sort((a, b) => compareElements(a.element, b.element));
}

/** Orders `cmi.interactions.2.id` before `cmi.interactions.10.id`. */
export function compareElements(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function quoted(value: number | string): string {
  const text = String(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);
}

/** One line for a person: what is wrong and what a strict LMS does. */
export function describeFinding(f: StrictFinding): string {
  switch (f.rule) {
    case 'suspend-data-length':
      return `${f.element} is ${f.actual} characters; SCORM ${f.limit === 4096 ? '1.2' : '2004'} LMSs keep at most ${f.limit}, and may truncate or refuse it.`;
    case 'location-length':
      return `${f.element} is ${f.actual} characters; the standard allows ${f.limit}.`;
    case 'identifier-characters':
      return `${f.element} is ${quoted(f.actual)}; strict LMSs accept only letters, digits and underscores in ids.`;
    case 'description-length':
      return `${f.element} is ${f.actual} characters; SCORM 2004 allows ${f.limit}.`;
    case 'timestamp-milliseconds':
      return `${f.element} is ${quoted(f.actual)}; strict LMSs (Moodle among them) reject three-digit milliseconds: keep at most hundredths.`;
    case 'response-length':
      return `${f.element} is ${f.actual} characters; SCORM 1.2 allows ${f.limit} (a fill-in longer than that is refused or cut).`;
  }
}
