// The readable report of one analysed email (`npm run analyze -- FILE`).
import type { AnalysisResult, CheckResult, EmailInput, Finding } from '../analyzer/index.ts';

const EXCERPT_MAX = 80;

/** The highlighted text of a finding, quoted with escapes (\n) and shortened in the middle. */
export function quoteExcerpt(input: EmailInput, finding: Finding): string {
  const text = finding.field === 'subject' ? input.subject : input.body;
  const { start, end } = finding;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    return `(offsets out of range: the ${finding.field} has ${text.length} characters)`;
  }
  let excerpt = text.slice(start, end);
  if (excerpt.length > EXCERPT_MAX) excerpt = `${excerpt.slice(0, EXCERPT_MAX - 20)}…${excerpt.slice(-19)}`;
  return JSON.stringify(excerpt);
}

function status(check: CheckResult): string {
  if (!check.applicable) return 'n/a ';
  return check.passed ? 'pass' : 'FAIL';
}

function renderCheck(input: EmailInput, check: CheckResult, idWidth: number): string[] {
  const score = check.applicable ? check.score.toFixed(2) : '    ';
  const lines = [`${status(check)}  ${check.id.padEnd(idWidth)}  ${score}  ${check.message}`];
  for (const finding of check.findings) {
    lines.push(`      ${finding.field} ${finding.start}–${finding.end}: ${quoteExcerpt(input, finding)}`);
    lines.push(`        ${finding.message}`);
    if (finding.suggestion) lines.push(`        Suggestion: ${finding.suggestion}`);
  }
  return lines;
}

export function renderReport(input: EmailInput, result: AnalysisResult): string {
  const context = [input.context?.kind, input.context?.audience].filter(Boolean).join(', ');
  const idWidth = Math.max(...result.checks.map((c) => c.id.length), 0);
  const applicable = result.checks.filter((c) => c.applicable);
  const passed = applicable.filter((c) => c.passed).length;
  const lines = [
    `Subject: ${input.subject === '' ? '(none)' : JSON.stringify(input.subject)}${context ? `  [${context}]` : ''}`,
    `Score: ${Math.round(result.score)}/100 (${passed} of ${applicable.length} applicable checks passed)`,
    '',
    ...result.checks.flatMap((check) => renderCheck(input, check, idWidth)),
  ];
  return `${lines.join('\n')}\n`;
}
