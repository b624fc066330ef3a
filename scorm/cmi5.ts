// cmi5.xml, the course structure of the cmi5 package: one AU (the whole course) that the LMS
// counts as done when it is completed and passed, with the course's pass mark as the mastery
// score. Everything put into the template is escaped here.
import { readFileSync } from 'node:fs';
import { auIri, isAbsoluteIri } from '../src/lms/cmi5/iri.ts';
import { escapeXml, fileHref, fillTemplate, scaledPassScore } from './manifest.ts';

export const CMI5_NAME = 'cmi5.xml';

export interface CourseStructureInput {
  /** The base IRI of every id the course uses (the customer's, or the default). */
  courseIri: string;
  title: string;
  description: string;
  /** 0–100. */
  passScore: number;
  /** The AU's launch file, relative to the package root. */
  launch: string;
}

export function readCmi5Template(): string {
  return readFileSync(new URL('./templates/cmi5.xml', import.meta.url), 'utf8');
}

export function renderCourseStructure(input: CourseStructureInput, template = readCmi5Template()): string {
  if (!isAbsoluteIri(input.courseIri)) throw new Error(`the course IRI must be an absolute IRI such as https://learning.example.com/xapi/email-etiquette, got "${input.courseIri}"`);
  if (!Number.isInteger(input.passScore) || input.passScore < 0 || input.passScore > 100) {
    throw new Error(`the pass mark must be a whole number from 0 to 100, got ${input.passScore}`);
  }
  return fillTemplate(template, {
    courseIri: escapeXml(input.courseIri),
    auIri: escapeXml(auIri(input.courseIri)),
    title: escapeXml(input.title),
    description: escapeXml(input.description.replace(/\s+/g, ' ').trim()),
    masteryScore: scaledPassScore(input.passScore),
    launch: escapeXml(fileHref(input.launch)),
  });
}
