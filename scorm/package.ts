// `npm run package`: builds the course once and zips it twice, as a SCORM 1.2 and a SCORM 2004
// 4th edition package, each with its generated imsmanifest.xml at the root. The same build serves
// both: the course finds window.API or window.API_1484_11 itself.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import { loadCourse } from '../src/content/load.ts';
import { formatProblem, type ContentProblem } from '../src/content/problems.ts';
import type { Course } from '../src/content/schema.ts';
import { loadUiStrings } from '../src/content/ui.ts';
import { parseCommandLine } from '../src/node/args.ts';
import { buildCourse } from '../src/build/course-build.ts';
import { readUiFiles } from '../src/build/course-module.ts';
import { CliError, errorMessage, runCli } from '../src/node/fail.ts';
import { LESSONS_DIR, readLessonFiles } from '../src/build/lesson-files.ts';
import { MANIFEST_NAME, SCORM_VERSIONS, VERSIONS, renderManifest, type ScormVersion } from './manifest.ts';
import { writeCmi5Package, type BuiltCmi5Package } from './cmi5-package.ts';
import { defaultCourseIri, isAbsoluteIri } from '../src/lms/cmi5/iri.ts';

export const PACKAGE_NAME = 'email-etiquette';
export const LAUNCH_FILE = 'index.html';

/** Code of the preview LMS that must never ship: the LMS provides the API, not the course. */
const LMS_RUNTIME = /scorm-again|Scorm12API|Scorm2004API/;

export interface PackageOptions {
  /** Where the zips go (default `dist`). */
  outDir?: string;
  /** Where the course is built (default `<outDir>/web`), emptied first. */
  webDir?: string;
  lessonsDir?: string;
  /** The base IRI of the cmi5 package's ids (default: a URN from the course id). */
  courseIri?: string;
}

export interface BuiltPackage {
  version: ScormVersion;
  path: string;
  bytes: number;
  /** Files in the zip, the manifest included. */
  fileCount: number;
}

function loadValidCourse(lessonsDir: string): Course {
  const course = loadCourse(readLessonFiles(lessonsDir));
  if (!course.ok) throw invalidCourse(course.problems);
  const uiDir = join(lessonsDir, 'ui');
  let uiFiles: ReturnType<typeof readUiFiles>;
  try {
    uiFiles = readUiFiles(uiDir);
  } catch (error) {
    throw new CliError(`cannot read the course's wording in ${uiDir}: ${errorMessage(error)}`);
  }
  const ui = loadUiStrings(uiFiles, uiDir);
  if (!ui.ok) throw invalidCourse(ui.problems);
  return course.course;
}

function invalidCourse(problems: readonly ContentProblem[]): CliError {
  const first = problems[0];
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more; npm run --silent course:export -- --check lists them)` : '';
  return new CliError(`the course files are invalid, nothing was packaged: ${first ? formatProblem(first) : 'unknown problem'}${more}`);
}

/** Every file under `dir`, relative, with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  const root = resolve(dir);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

function packageVersion(): string {
  try {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version?: unknown };
    return typeof version === 'string' && version.length <= 20 ? version : '1.0';
  } catch {
    return '1.0';
  }
}

/** The SCORM packages (the cmi5 package is written too: see buildAllPackages). */
export async function buildPackages(options: PackageOptions = {}): Promise<BuiltPackage[]> {
  return (await buildAllPackages(options)).scorm;
}

export async function buildAllPackages(options: PackageOptions = {}): Promise<{ scorm: BuiltPackage[]; cmi5: BuiltCmi5Package }> {
  const outDir = options.outDir ?? 'dist';
  const webDir = options.webDir ?? join(outDir, 'web');
  const course = loadValidCourse(options.lessonsDir ?? LESSONS_DIR);

  try {
    await buildCourse(webDir);
  } catch (error) {
    throw new CliError(`the course build failed, nothing was packaged: ${errorMessage(error).slice(0, 400)}`);
  }
  const files = listFiles(webDir);
  if (!files.includes(LAUNCH_FILE)) throw new CliError(`the course build in ${webDir} has no ${LAUNCH_FILE}`);
  const contents: Zippable = {};
  for (const file of files) {
    const data = readFileSync(join(webDir, file));
    if (file.endsWith('.js') && LMS_RUNTIME.test(data.toString('utf8'))) {
      throw new CliError(`${file} in the course build contains LMS runtime code (scorm-again); it belongs to the preview LMS only, never to the package`);
    }
    contents[file] = data;
  }

  mkdirSync(outDir, { recursive: true });
  const version = packageVersion();
  const cmi5 = writeCmi5Package(outDir, contents, { courseIri: options.courseIri ?? defaultCourseIri(course.id), title: course.title, description: course.description, passScore: course.passScore, launch: LAUNCH_FILE });
  const scormPackages = SCORM_VERSIONS.map((scorm) => {
    const manifest = renderManifest(scorm, { courseId: course.id, title: course.title, passScore: course.passScore, files, launch: LAUNCH_FILE, version });
    const zip = zipSync({ [MANIFEST_NAME]: new TextEncoder().encode(manifest), ...contents }, { level: 9 });
    const path = join(outDir, `${PACKAGE_NAME}-${scorm}.zip`);
    writeFileSync(path, zip);
    return { version: scorm, path, bytes: zip.length, fileCount: files.length + 1 };
  });
  return { scorm: scormPackages, cmi5 };
}

const HELP = `Usage: npm run package
Builds the course (dist/web) and packages it for LMSs: dist/${PACKAGE_NAME}-scorm12.zip (SCORM 1.2) and
dist/${PACKAGE_NAME}-scorm2004.zip (SCORM 2004 4th edition), each with its imsmanifest.xml, and
dist/${PACKAGE_NAME}-cmi5.zip (cmi5, with its cmi5.xml).
  --iri IRI    the base IRI of the cmi5 package's course, AU, activity and extension ids
               (default ${defaultCourseIri('<course id>')}; a team's own, e.g. https://learning.example.com/xapi/email-etiquette)
`;

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), { help: { type: 'boolean', short: 'h' }, iri: { type: 'string' } });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length > 0) throw new CliError(`unexpected argument ${positionals[0] ?? ''} (try --help)`, 2);
  if (values.iri !== undefined && !isAbsoluteIri(values.iri)) throw new CliError(`--iri must be an absolute IRI such as https://learning.example.com/xapi/email-etiquette, got "${values.iri}"`, 2);
  const built = await buildAllPackages(values.iri === undefined ? {} : { courseIri: values.iri });
  for (const { path, version, bytes, fileCount } of [...built.scorm, built.cmi5]) {
    const label = version === 'cmi5' ? 'cmi5' : VERSIONS[version].label;
    process.stdout.write(`${path}: ${label}, ${(bytes / 1000).toFixed(1)} KB, ${fileCount} files\n`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) runCli('package', main);
