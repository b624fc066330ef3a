// The cmi5 package: the same course build as the SCORM packages, with cmi5.xml at the root
// instead of an imsmanifest.xml.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { CMI5_NAME, renderCourseStructure, type CourseStructureInput } from './cmi5.ts';

export interface BuiltCmi5Package {
  version: 'cmi5';
  path: string;
  bytes: number;
  /** Files in the zip, cmi5.xml included. */
  fileCount: number;
}

export const CMI5_PACKAGE_FILE = 'email-etiquette-cmi5.zip';

/** What LMSs are promised, like the SCORM packages: a bigger build is a regression, not a release. */
export const MAX_PACKAGE_BYTES = 500 * 1024;

export function writeCmi5Package(outDir: string, course: Zippable, input: CourseStructureInput): BuiltCmi5Package {
  if (!(input.launch in course)) throw new Error(`the launch file ${input.launch} is not in the package`);
  if (CMI5_NAME in course) throw new Error(`the course build must not contain its own ${CMI5_NAME}`);
  const xml = renderCourseStructure(input);
  const zip = zipSync({ [CMI5_NAME]: new TextEncoder().encode(xml), ...course }, { level: 9 });
  if (zip.length > MAX_PACKAGE_BYTES) throw new Error(`the cmi5 package would be ${(zip.length / 1024).toFixed(0)} KB, over the ${MAX_PACKAGE_BYTES / 1024} KB limit`);
  const path = join(outDir, CMI5_PACKAGE_FILE);
  writeFileSync(path, zip);
  return { version: 'cmi5', path, bytes: zip.length, fileCount: Object.keys(course).length + 1 };
}
