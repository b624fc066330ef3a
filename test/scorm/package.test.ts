/**
 * The SCORM packages: what the official schemas can't see (files listed and present, identifiers
 * resolving, the pass mark agreeing with the course, no LMS runtime inside), then the schemas
 * themselves through ../shared/scorm-xsd/validate when it and xmllint are there.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { loadCourse } from '../../src/content/load.ts';
import type { Course } from '../../src/content/schema.ts';
import { readLessonFiles } from '../../src/build/lesson-files.ts';
import { escapeXml, fileHref, fillTemplate, MANIFEST_NAME, renderManifest, scaledPassScore, scormIdentifier, SCORM_VERSIONS, VERSIONS, type ScormVersion } from '../../scorm/manifest.ts';
import { courseSizes, KB } from '../../src/build/course-sizes.ts';
import { buildPackages, LAUNCH_FILE, PACKAGE_NAME, type BuiltPackage } from '../../scorm/package.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VALIDATOR = resolve(REPO_ROOT, '../shared/scorm-xsd/validate');

const NS = {
  cp12: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  adlcp12: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  cp2004: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp2004: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

const CP: Record<ScormVersion, string> = { scorm12: NS.cp12, scorm2004: NS.cp2004 };
const ADLCP: Record<ScormVersion, string> = { scorm12: NS.adlcp12, scorm2004: NS.adlcp2004 };

// ---- A small, strict XML reader: well-formedness and namespaces, enough for a manifest. ----

interface XmlElement {
  ns: string;
  local: string;
  /** Attributes by `{namespace}local`, or `local` when unqualified. */
  attrs: Map<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = '[A-Za-z_][\\w.-]*(?::[A-Za-z_][\\w.-]*)?';
const START_TAG = new RegExp(`<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, 'y');
const ATTR = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
const END_TAG = new RegExp(`</(${NAME})\\s*>`, 'y');
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeText(raw: string, where: number): string {
  return raw.replace(/&([^;\s&<]*);?|[<>]/g, (match, ref: string | undefined) => {
    if (match === '>') return '>';
    if (match === '<' || ref === undefined || !match.endsWith(';')) throw new Error(`not well-formed at ${where}: stray ${JSON.stringify(match)}`);
    if (ref in PREDEFINED) return PREDEFINED[ref] ?? '';
    const code = /^#x([0-9a-fA-F]+)$/.exec(ref)?.[1] ?? /^#([0-9]+)$/.exec(ref)?.[1];
    if (code === undefined) throw new Error(`not well-formed at ${where}: unknown entity &${ref};`);
    return String.fromCodePoint(Number.parseInt(code, ref.startsWith('#x') ? 16 : 10));
  });
}

function parseXml(xml: string): XmlElement {
  const stack: { element: XmlElement; qname: string; scope: Map<string, string> }[] = [];
  let root: XmlElement | undefined;
  let i = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
  const resolvePrefix = (qname: string, scope: Map<string, string>, isAttr: boolean): [string, string] => {
    const colon = qname.indexOf(':');
    if (colon < 0) return [isAttr ? '' : (scope.get('') ?? ''), qname];
    const prefix = qname.slice(0, colon);
    const ns = prefix === 'xml' ? 'http://www.w3.org/XML/1998/namespace' : scope.get(prefix);
    if (ns === undefined) throw new Error(`undeclared namespace prefix in ${qname}`);
    return [ns, qname.slice(colon + 1)];
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = decodeText(xml.slice(i, lt < 0 ? xml.length : lt), i);
    const top = stack[stack.length - 1];
    if (top) top.element.text += text;
    else if (text.trim() !== '') throw new Error(`not well-formed at ${i}: text outside the root element`);
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0 || xml.slice(i + 4, end).includes('--')) throw new Error(`not well-formed at ${i}: bad comment`);
      i = end + 3;
    } else if (xml.startsWith('<?', i) || xml.startsWith('<!', i)) {
      throw new Error(`not well-formed (or unexpected) at ${i}: ${xml.slice(i, i + 20)}`);
    } else if (xml.startsWith('</', i)) {
      END_TAG.lastIndex = i;
      const m = END_TAG.exec(xml);
      const open = stack.pop();
      if (!m || !open || open.qname !== m[1]) throw new Error(`not well-formed at ${i}: </${m?.[1] ?? '?'}> closes <${open?.qname ?? 'nothing'}>`);
      i = END_TAG.lastIndex;
    } else {
      START_TAG.lastIndex = i;
      const m = START_TAG.exec(xml);
      if (!m) throw new Error(`not well-formed at ${i}: ${xml.slice(i, i + 40)}`);
      if (!top && root) throw new Error(`not well-formed at ${i}: a second root element`);
      const qname = m[1] ?? '';
      const raw = [...(m[2] ?? '').matchAll(ATTR)].map((a) => [a[1] ?? '', decodeText(a[2] ?? a[3] ?? '', i)] as const);
      const names = raw.map(([name]) => name);
      assert.equal(new Set(names).size, names.length, `duplicate attribute on <${qname}>`);
      const scope = new Map(top?.scope ?? []);
      for (const [name, value] of raw) {
        if (name === 'xmlns') scope.set('', value);
        else if (name.startsWith('xmlns:')) scope.set(name.slice(6), value);
      }
      const [ns, local] = resolvePrefix(qname, scope, false);
      const attrs = new Map<string, string>();
      for (const [name, value] of raw) {
        if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
        const [ans, alocal] = resolvePrefix(name, scope, true);
        const key = ans ? `{${ans}}${alocal}` : alocal;
        assert.ok(!attrs.has(key), `duplicate attribute ${key} on <${qname}>`);
        attrs.set(key, value);
      }
      const element: XmlElement = { ns, local, attrs, children: [], text: '' };
      if (top) top.element.children.push(element);
      else root = element;
      if (m[3] !== '/') stack.push({ element, qname, scope });
      i = START_TAG.lastIndex;
    }
  }
  if (stack.length > 0) throw new Error(`not well-formed: <${stack[stack.length - 1]?.qname ?? ''}> is never closed`);
  if (!root) throw new Error('not well-formed: no root element');
  return root;
}

function all(element: XmlElement, ns: string, local: string, acc: XmlElement[] = []): XmlElement[] {
  for (const child of element.children) {
    if (child.ns === ns && child.local === local) acc.push(child);
    all(child, ns, local, acc);
  }
  return acc;
}

function one(element: XmlElement, ns: string, local: string): XmlElement {
  const found = all(element, ns, local);
  assert.equal(found.length, 1, `expected one <${local}> in ${ns}, found ${found.length}`);
  return found[0] as XmlElement;
}

function attr(element: XmlElement, key: string): string {
  const value = element.attrs.get(key);
  assert.ok(value !== undefined, `<${element.local}> has no ${key}`);
  return value;
}

function identifiers(element: XmlElement, acc: string[] = []): string[] {
  const id = element.attrs.get('identifier');
  if (id !== undefined) acc.push(id);
  for (const child of element.children) identifiers(child, acc);
  return acc;
}

// ---- One build, shared by every test. ----

interface Unpacked {
  built: BuiltPackage;
  entries: Record<string, Uint8Array>;
  manifestText: string;
  manifest: XmlElement;
}

let outDir = '';
let course: Course;
const packages = new Map<ScormVersion, Unpacked>();

function unpacked(version: ScormVersion): Unpacked {
  const found = packages.get(version);
  assert.ok(found, `no ${version} package was built`);
  return found;
}

before(async () => {
  const loaded = loadCourse(readLessonFiles());
  assert.ok(loaded.ok, 'the course files are valid');
  course = loaded.course;
  outDir = mkdtempSync(join(tmpdir(), 'scorm-package-'));
  for (const built of await buildPackages({ outDir })) {
    const entries = unzipSync(readFileSync(built.path));
    const data = entries[MANIFEST_NAME];
    assert.ok(data, `${built.path} has no ${MANIFEST_NAME} at its root`);
    const manifestText = new TextDecoder('utf-8', { fatal: true }).decode(data);
    packages.set(built.version, { built, entries, manifestText, manifest: parseXml(manifestText) });
  }
});

after(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe("the README's figures", () => {
  it('are what the tools measure on this build, to the nearest KB', () => {
    const readme = readFileSync('README.md', 'utf8');
    const sizes = courseSizes(join(outDir, 'web'));
    const about = (pattern: RegExp, measured: number, what: string) => {
      const quoted = Number(pattern.exec(readme)?.[1]);
      assert.ok(Number.isFinite(quoted), `the README quotes no figure for ${what} (${pattern})`);
      assert.ok(Math.abs(quoted - measured) <= 1, `the README says about ${quoted} KB for ${what}; npm run bench measures ${measured.toFixed(1)} KB`);
    };
    about(/first lesson shows after about (\d+) KB \(gzip\)/, sizes.beforeFirstLessonGzipKB, 'what loads before the first lesson');
    about(/the email analyzer \(about (\d+) KB\)/, sizes.afterFirstLessonGzipKB, 'the rewrites and the analyzer');
    for (const version of SCORM_VERSIONS) {
      about(/each about (\d+) KB, with an `imsmanifest\.xml`/, unpacked(version).built.bytes / KB, `the ${version} package`);
    }
  });
});

describe('npm run package', () => {
  it('writes one zip per SCORM version, named for CI', () => {
    assert.deepEqual([...packages.keys()], [...SCORM_VERSIONS]);
    for (const version of SCORM_VERSIONS) {
      const { built, entries } = unpacked(version);
      assert.equal(built.path, join(outDir, `${PACKAGE_NAME}-${version}.zip`));
      assert.equal(built.fileCount, Object.keys(entries).length);
      assert.equal(built.bytes, readFileSync(built.path).length);
    }
  });

  it('puts the same course build into both packages, launch file at the root', () => {
    const a = unpacked('scorm12').entries;
    const b = unpacked('scorm2004').entries;
    const names = Object.keys(a).filter((n) => n !== MANIFEST_NAME).sort();
    assert.deepEqual(Object.keys(b).filter((n) => n !== MANIFEST_NAME).sort(), names);
    assert.ok(names.includes(LAUNCH_FILE) && names.some((n) => /^assets\/index-.*\.js$/.test(n)), names.join(', '));
    for (const name of names) assert.deepEqual(b[name], a[name], `${name} differs between the packages`);
  });

  it('ships no LMS runtime: no scorm-again code in any file', () => {
    for (const version of SCORM_VERSIONS) {
      for (const [name, data] of Object.entries(unpacked(version).entries)) {
        assert.doesNotMatch(name, /node_modules|scorm-again/i, `${version}: ${name}`);
        if (name === MANIFEST_NAME) continue;
        const text = new TextDecoder().decode(data);
        assert.doesNotMatch(text, /scorm-again|Scorm12API|Scorm2004API/, `${version}: ${name} contains scorm-again code`);
      }
    }
  });

  for (const version of SCORM_VERSIONS) {
    describe(VERSIONS[version].label, () => {
      it('lists every file of the zip in the SCO resource, and only those', () => {
        const { manifest, entries } = unpacked(version);
        const listed = all(manifest, CP[version], 'file').map((f) => decodeURIComponent(attr(f, 'href')));
        assert.equal(new Set(listed).size, listed.length, 'a file is listed twice');
        const inZip = Object.keys(entries).filter((n) => n !== MANIFEST_NAME);
        assert.deepEqual([...listed].sort(), [...inZip].sort());
        for (const href of listed) assert.ok(!href.startsWith('/') && !href.includes('\\') && !href.split('/').includes('..'), href);
      });

      it('has one organization, one item, resolving to one SCO launched from index.html', () => {
        const { manifest, entries } = unpacked(version);
        const ids = identifiers(manifest);
        assert.equal(new Set(ids).size, ids.length, `identifiers repeat: ${ids.join(', ')}`);
        for (const id of ids) assert.match(id, /^[A-Za-z_][A-Za-z0-9_.-]*$/, `identifier ${id} is not SCORM-safe`);
        assert.equal(attr(manifest, 'identifier'), `${course.id}_${version}`);

        const organizations = one(manifest, CP[version], 'organizations');
        const organization = one(manifest, CP[version], 'organization');
        assert.equal(attr(organizations, 'default'), attr(organization, 'identifier'));
        const item = one(organization, CP[version], 'item');
        const resources = all(manifest, CP[version], 'resource');
        assert.equal(resources.length, 1);
        const resource = resources.find((r) => r.attrs.get('identifier') === attr(item, 'identifierref'));
        assert.ok(resource, `the item's identifierref ${attr(item, 'identifierref')} names no resource`);
        const scormType = version === 'scorm12' ? `{${NS.adlcp12}}scormtype` : `{${NS.adlcp2004}}scormType`;
        assert.equal(attr(resource, scormType), 'sco');
        assert.equal(attr(resource, 'type'), 'webcontent');
        assert.equal(attr(resource, 'href'), LAUNCH_FILE);
        assert.ok(entries[LAUNCH_FILE], 'the launch file is in the zip');
      });

      it('names the package after the course, its title escaped', () => {
        const { manifest } = unpacked(version);
        const titles = [one(manifest, CP[version], 'organization'), one(manifest, CP[version], 'item')].map((e) =>
          e.children.find((c) => c.local === 'title'),
        );
        for (const title of titles) assert.equal(title?.text, course.title);
      });

      it('declares ADL SCORM with the exact schemaversion and the version-specific schemaLocations', () => {
        const { manifest } = unpacked(version);
        const metadata = one(manifest, CP[version], 'metadata');
        assert.equal(one(metadata, CP[version], 'schema').text, 'ADL SCORM');
        assert.equal(one(metadata, CP[version], 'schemaversion').text, VERSIONS[version].schemaversion);
        const locations = attr(manifest, `{${NS.xsi}}schemaLocation`).trim().split(/\s+/);
        const pairs = new Map<string, string>();
        for (let k = 0; k < locations.length; k += 2) pairs.set(locations[k] ?? '', locations[k + 1] ?? '');
        const expected =
          version === 'scorm12'
            ? { [NS.cp12]: 'imscp_rootv1p1p2.xsd', [NS.adlcp12]: 'adlcp_rootv1p2.xsd' }
            : { [NS.cp2004]: 'imscp_v1p1.xsd', [NS.adlcp2004]: 'adlcp_v1p3.xsd', [NS.imsss]: 'imsss_v1p0.xsd' };
        for (const [ns, xsd] of Object.entries(expected)) assert.equal(pairs.get(ns), xsd, `schemaLocation for ${ns}`);
      });

      it("makes the LMS's passing score the course's pass mark", () => {
        const { manifest } = unpacked(version);
        const item = one(manifest, CP[version], 'item');
        if (version === 'scorm12') {
          assert.equal(Number(one(item, NS.adlcp12, 'masteryscore').text), course.passScore);
          assert.equal(all(manifest, NS.imsss, 'sequencing').length, 0);
        } else {
          const sequencing = one(item, NS.imsss, 'sequencing');
          const primary = one(sequencing, NS.imsss, 'primaryObjective');
          assert.equal(attr(primary, 'satisfiedByMeasure'), 'true');
          assert.equal(Number(one(primary, NS.imsss, 'minNormalizedMeasure').text), course.passScore / 100);
          assert.equal(all(manifest, NS.adlcp12, 'masteryscore').length, 0);
        }
      });
    });
  }

  it('passes the official SCORM schemas (../shared/scorm-xsd/validate)', (t) => {
    const xmllint = spawnSync('xmllint', ['--version']);
    if (!existsSync(VALIDATOR) || xmllint.error) {
      t.skip(`schema check skipped: needs ${VALIDATOR} and xmllint (Debian: libxml2-utils)`);
      return;
    }
    const zips = SCORM_VERSIONS.map((v) => resolve(unpacked(v).built.path));
    const run = spawnSync(VALIDATOR, zips, { encoding: 'utf8' });
    assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
    assert.equal((run.stdout.match(/: valid SCORM (?:1\.2|2004) manifest$/gm) ?? []).length, 2, run.stdout);
  });
});

describe('the test XML reader', () => {
  it('rejects what is not well-formed', () => {
    for (const bad of ['<a><b></a>', '<a>x & y</a>', '<a x="1" x="2"/>', '<a/><b/>', '<p:a/>', '<a>', '<a>&nbsp;</a>']) {
      assert.throws(() => parseXml(bad), Error, bad);
    }
    assert.equal(parseXml('<?xml version="1.0"?><a xmlns="urn:x">&lt;&#x41;</a>').text, '<A');
  });
});

describe('the manifest generator', () => {
  const input = {
    courseId: 'email_etiquette',
    title: `Tom & Jerry's "<Emails>"`,
    passScore: 75,
    files: ['index.html', 'assets/a b#1.js', 'assets/café.css'],
    launch: 'index.html',
    version: '1.0',
  };

  it('escapes the title and file names, and encodes hrefs as relative URLs', () => {
    for (const version of SCORM_VERSIONS) {
      const manifest = parseXml(renderManifest(version, input));
      assert.equal(one(manifest, CP[version], 'item').children.find((c) => c.local === 'title')?.text, input.title);
      const hrefs = all(manifest, CP[version], 'file').map((f) => attr(f, 'href'));
      assert.deepEqual(hrefs, ['assets/a%20b%231.js', 'assets/caf%C3%A9.css', 'index.html']);
      assert.deepEqual(hrefs.map(decodeURIComponent), [...input.files].sort());
    }
    assert.equal(escapeXml('a\u0001b<'), 'ab&lt;');
    assert.equal(fileHref('x/y z.js'), 'x/y%20z.js');
  });

  it('scales the pass mark for SCORM 2004 and keeps identifiers SCORM-safe', () => {
    assert.deepEqual([0, 7, 50, 80, 100].map(scaledPassScore), ['0', '0.07', '0.5', '0.8', '1']);
    assert.equal(scormIdentifier('email_etiquette'), 'email_etiquette');
    assert.equal(scormIdentifier('9 lives: café'), 'c_9_lives__caf_');
  });

  it('refuses bad input and unknown placeholders', () => {
    assert.throws(() => renderManifest('scorm12', { ...input, passScore: 101 }), /0 to 100/);
    assert.throws(() => renderManifest('scorm12', { ...input, files: ['../x.js', 'index.html'] }), /relative/);
    assert.throws(() => renderManifest('scorm12', { ...input, files: ['assets/x.js'] }), /launch file/);
    assert.throws(() => renderManifest('scorm12', { ...input, files: ['index.html', MANIFEST_NAME] }), /its own imsmanifest/);
    assert.throws(() => fillTemplate('<a>{{nope}}</a>', {}), /unknown placeholder \{\{nope\}\}/);
  });

  it('keeps a hostile title schema-valid', (t) => {
    if (!existsSync(VALIDATOR) || spawnSync('xmllint', ['--version']).error) {
      t.skip(`schema check skipped: needs ${VALIDATOR} and xmllint (Debian: libxml2-utils)`);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'scorm-manifest-'));
    try {
      const paths = SCORM_VERSIONS.map((version) => {
        const path = join(dir, `${version}.xml`);
        writeFileSync(path, renderManifest(version, input));
        return path;
      });
      const run = spawnSync(VALIDATOR, paths, { encoding: 'utf8' });
      assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run package on invalid course files', () => {
  it('fails with one line and exit 1, building nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorm-broken-'));
    try {
      symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'));
      symlinkSync(join(REPO_ROOT, 'test/scorm/fixtures/broken-lessons'), join(dir, 'lessons'));
      const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
        const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scorm/package.ts')], { cwd: dir, env: { ...process.env, CLI_DEBUG: '' } });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.on('error', fail);
        child.on('close', (code) => done({ code, stdout, stderr }));
      });
      assert.equal(run.code, 1, run.stderr);
      assert.equal(run.stdout, '');
      assert.doesNotMatch(run.stderr, /^\s+at /m);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.match(run.stderr, /^package: the course files are invalid, nothing was packaged: lessons\/course\.yaml: passScore: /);
      assert.ok(!existsSync(join(dir, 'dist')), 'nothing was built');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
