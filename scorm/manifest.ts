// imsmanifest.xml for SCORM 1.2 and SCORM 2004 4th edition, from the templates in
// scorm/templates/ and the course data. The 1.2/2004 difference lives in the templates and in
// `VERSIONS` below; everything put into a template is escaped here.
import { readFileSync } from 'node:fs';

export const SCORM_VERSIONS = ['scorm12', 'scorm2004'] as const;
export type ScormVersion = (typeof SCORM_VERSIONS)[number];

export const VERSIONS: Record<ScormVersion, { label: string; schemaversion: string; template: string }> = {
  scorm12: { label: 'SCORM 1.2', schemaversion: '1.2', template: 'imsmanifest.scorm12.xml' },
  scorm2004: { label: 'SCORM 2004 4th Edition', schemaversion: '2004 4th Edition', template: 'imsmanifest.scorm2004.xml' },
};

export const MANIFEST_NAME = 'imsmanifest.xml';

export interface ManifestInput {
  /** The course id; made SCORM-safe here. */
  courseId: string;
  title: string;
  /** The course's pass mark, 0–100. */
  passScore: number;
  /** Every file of the package except the manifest, relative, forward slashes. */
  files: readonly string[];
  /** The SCO's launch file, one of `files`. */
  launch: string;
  /** The package's version, shown by some LMSs (at most 20 characters in SCORM 1.2). */
  version: string;
}

/** Characters XML 1.0 cannot carry at all, even escaped. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * An identifier every manifest schema accepts (xs:ID, so an NCName) and every LMS stores: letters,
 * digits and underscores, starting with a letter.
 */
export function scormIdentifier(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z]/.test(safe) ? safe : `c_${safe}`;
}

/** A package path as a manifest href: a relative URL, each segment percent-encoded. */
export function fileHref(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** passScore 80 → "0.8": the scaled passing score, as xs:decimal. */
export function scaledPassScore(passScore: number): string {
  return (passScore / 100).toFixed(2).replace(/\.?0+$/, '') || '0';
}

function checkInput(input: ManifestInput): void {
  if (!Number.isInteger(input.passScore) || input.passScore < 0 || input.passScore > 100) {
    throw new Error(`the pass mark must be a whole number from 0 to 100, got ${input.passScore}`);
  }
  for (const file of input.files) {
    if (file === '' || file.startsWith('/') || file.includes('\\') || file.split('/').some((s) => s === '' || s === '.' || s === '..')) {
      throw new Error(`a package path must be relative with forward slashes, got "${file}"`);
    }
  }
  if (!input.files.includes(input.launch)) throw new Error(`the launch file ${input.launch} is not in the package`);
  if (input.files.includes(MANIFEST_NAME)) throw new Error(`the course build must not contain its own ${MANIFEST_NAME}`);
}

/** Replaces every `{{name}}`; a placeholder without a value is a bug in the template. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`the manifest template has an unknown placeholder {{${name}}}`);
    return value;
  });
}

export function readTemplate(version: ScormVersion): string {
  return readFileSync(new URL(`./templates/${VERSIONS[version].template}`, import.meta.url), 'utf8');
}

export function renderManifest(version: ScormVersion, input: ManifestInput, template = readTemplate(version)): string {
  checkInput(input);
  const courseId = scormIdentifier(input.courseId);
  // The file list is one placeholder on its own line: each <file> gets that line's indentation.
  const indent = /^([ \t]*)\{\{files\}\}/m.exec(template)?.[1] ?? '';
  const files = [...input.files]
    .sort()
    .map((f) => `<file href="${escapeXml(fileHref(f))}"/>`)
    .join(`\n${indent}`);
  return fillTemplate(template, {
    courseId,
    manifestId: `${courseId}_${version}`,
    version: escapeXml(input.version),
    title: escapeXml(input.title),
    launch: escapeXml(fileHref(input.launch)),
    masteryScore: String(input.passScore),
    minNormalizedMeasure: scaledPassScore(input.passScore),
    files,
  });
}
