import type { Span } from '../text.ts';
import type { CheckId, CheckResult, Field, Finding } from '../types.ts';
import { clamp01, round2 } from '../text.ts';

/** Numbers a check measured on the way to its rule verdict, for the fitted verdict (model.ts). */
export type Features = Record<string, number>;

export function finding(field: Field, span: Span, message: string, suggestion?: string): Finding {
  const f: Finding = { field, start: span.start, end: span.end, message };
  if (suggestion !== undefined) f.suggestion = suggestion;
  return f;
}

export function checkResult(
  id: CheckId,
  passed: boolean,
  score: number,
  message: string,
  findings: Finding[] = [],
): CheckResult {
  return { id, applicable: true, passed, score: round2(clamp01(score)), message, findings };
}

export function notApplicable(id: CheckId, message: string): CheckResult {
  return { id, applicable: false, passed: true, score: 1, message, findings: [] };
}
