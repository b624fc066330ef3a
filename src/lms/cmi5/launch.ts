/**
 * Whether the course was launched by a cmi5 LMS: the five launch parameters of cmi5 section 8.1
 * in its URL. Checked without loading the cmi5 client, so standalone and SCORM launches never
 * download it.
 */
export const CMI5_LAUNCH_PARAMETERS = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;

export function isCmi5Launch(href: string): boolean {
  try {
    const params = new URL(href).searchParams;
    return CMI5_LAUNCH_PARAMETERS.every((name) => (params.get(name) ?? '') !== '');
  } catch {
    return false;
  }
}
