import { CHECK_IDS, type AnalysisResult, type CheckId, type CheckResult, type Finding } from '../../src/analyzer/types.ts';

/** A hand-made analysis: all nine checks, passing unless given findings, follow-up not applicable. */
export function analysisWith(findings: Partial<Record<CheckId, Finding[]>> = {}, score = 72): AnalysisResult {
  const checks: CheckResult[] = CHECK_IDS.map((id) => {
    const own = findings[id] ?? [];
    const applicable = id !== 'follow-up';
    return {
      id,
      applicable,
      passed: applicable && own.length === 0,
      score: !applicable ? 0 : own.length === 0 ? 0.9 : 0.4,
      message: `Message for ${id}.`,
      findings: own,
    };
  });
  return { score, checks };
}

export const sampleEmail = {
  subject: 'Quick question',
  body: 'Hi Sam,\n\nPer my last email, please send the Q3 report by Friday.\n\nThanks,\nAlex',
};

/** Offsets of `part` in `text`, as a finding range. */
export function rangeOf(text: string, part: string): { start: number; end: number } {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`"${part}" is not in the text`);
  return { start, end: start + part.length };
}
