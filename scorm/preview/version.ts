// The two SCORM versions the preview LMS runs, as they appear in its URLs (`?v=12`, `?v=2004`).
export const SCORM_VERSIONS = ['12', '2004'] as const;
export type ScormVersion = (typeof SCORM_VERSIONS)[number];

export function isScormVersion(value: unknown): value is ScormVersion {
  return typeof value === 'string' && (SCORM_VERSIONS as readonly string[]).includes(value);
}

export const VERSION_LABELS: Record<ScormVersion, string> = { '12': 'SCORM 1.2', '2004': 'SCORM 2004 4th edition' };
