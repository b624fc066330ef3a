/** The cmi5 package: cmi5.xml from the course data, valid against the official schema. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { unzipSync } from 'fflate';
import { renderCourseStructure } from '../../scorm/cmi5.ts';
import { writeCmi5Package } from '../../scorm/cmi5-package.ts';
import { courseIriOfAu, defaultCourseIri } from '../../src/lms/cmi5/iri.ts';
import { loadCourseFiles } from '../e2e/course-files.ts';

const VALIDATE = new URL('../../../shared/cmi5-xsd/validate', import.meta.url).pathname;
const canValidate = existsSync(VALIDATE) && (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const dir = mkdtempSync(join(tmpdir(), 'cmi5-package-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const { course } = loadCourseFiles();
const files = { 'index.html': new TextEncoder().encode('<!doctype html><title>x</title>'), 'assets/app.js': new TextEncoder().encode('console.log(1)') };

describe('the cmi5 package', () => {
  it('has cmi5.xml at its root with one AU launching a file that is in the zip', () => {
    const built = writeCmi5Package(dir, files, { courseIri: 'https://learning.example.com/xapi/email-etiquette', title: course.title, description: course.description, passScore: course.passScore, launch: 'index.html' });
    const entries = unzipSync(readFileSync(built.path));
    const xml = new TextDecoder().decode(entries['cmi5.xml']);
    assert.equal(built.fileCount, 3);
    assert.match(xml, /<course id="https:\/\/learning\.example\.com\/xapi\/email-etiquette">/);
    assert.equal([...xml.matchAll(/<au /g)].length, 1);
    assert.match(xml, /<au id="https:\/\/learning\.example\.com\/xapi\/email-etiquette\/au" moveOn="CompletedAndPassed" masteryScore="0\.8"/);
    const url = /<url>([^<]+)<\/url>/.exec(xml)?.[1];
    assert.ok(url && entries[url], 'the AU url is a file of the package');
    assert.ok(xml.includes(`<langstring lang="en">${course.title}</langstring>`), 'the title from course.yaml');
    assert.ok(xml.includes(course.description.replace(/\s+/g, ' ').trim().slice(0, 40)), 'the description from course.yaml');
    assert.equal(courseIriOfAu('https://learning.example.com/xapi/email-etiquette/au'), 'https://learning.example.com/xapi/email-etiquette');
  });

  it('takes the mastery score from the pass mark and escapes what it is given', () => {
    const xml = renderCourseStructure({ courseIri: defaultCourseIri('email_etiquette'), title: 'Mail & "more" <now>', description: 'a\n  b', passScore: 75, launch: 'index.html' });
    assert.match(xml, /masteryScore="0\.75"/);
    assert.ok(xml.includes('Mail &amp; &quot;more&quot; &lt;now&gt;'));
    assert.ok(xml.includes('<langstring lang="en">a b</langstring>'));
    assert.throws(() => renderCourseStructure({ courseIri: 'no iri here', title: 't', description: 'd', passScore: 80, launch: 'index.html' }), /absolute IRI/);
    assert.throws(() => renderCourseStructure({ courseIri: 'urn:x:y', title: 't', description: 'd', passScore: 80.5, launch: 'index.html' }), /whole number/);
  });

  it('validates against the official cmi5 course structure schema, with the default and a customer IRI', { skip: canValidate ? false : 'needs xmllint and ../shared/cmi5-xsd' }, () => {
    for (const courseIri of [defaultCourseIri(course.id), 'https://learning.example.com/xapi/email-etiquette']) {
      const file = join(dir, 'cmi5.xml');
      writeFileSync(file, renderCourseStructure({ courseIri, title: course.title, description: course.description, passScore: course.passScore, launch: 'index.html' }));
      const out = execFileSync(VALIDATE, [file], { encoding: 'utf8' });
      assert.match(out, /valid cmi5 course structure/);
    }
    // And the schema really checks: a moveOn it doesn't know fails.
    const bad = join(dir, 'bad.xml');
    writeFileSync(bad, readFileSync(join(dir, 'cmi5.xml'), 'utf8').replace('CompletedAndPassed', 'Whenever'));
    assert.throws(() => execFileSync(VALIDATE, [bad], { encoding: 'utf8' }));
  });
});
