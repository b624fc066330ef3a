/**
 * The IRIs the course names itself by in cmi5 and xAPI. One base IRI, which the customer sets when
 * packaging (`npm run package -- --iri …`): the course structure's course id is the base, the AU's
 * id is `<base>/au`, and every activity and extension the course sends sits under the base. The
 * LMS hands the AU's id back at run time (the publisher id in the context template), so the built
 * course needs no rebuild to follow the customer's IRI.
 */

/** Used when the customer sets none: a URN, so that it never points at someone else's site. */
export function defaultCourseIri(courseId: string): string {
  return `urn:email-etiquette:${courseId}`;
}

/** An absolute IRI without spaces, quotes or angle brackets (what xAPI and the schema accept). */
export function isAbsoluteIri(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s"'<>\\{}|^`]+$/.test(text);
}

export function auIri(courseIri: string): string {
  return `${courseIri.replace(/\/+$/, '')}/au`;
}

/** The base IRI back from the AU's (publisher) id, or undefined when it isn't one of ours. */
export function courseIriOfAu(publisherId: string): string | undefined {
  return publisherId.endsWith('/au') && publisherId.length > 3 ? publisherId.slice(0, -3) : undefined;
}

/** Where the course's own activities and extensions live, under its base IRI. */
export function courseIris(courseIri: string) {
  const base = courseIri.replace(/\/+$/, '');
  return {
    rewrite: (scenarioId: string) => `${base}/rewrites/${encodeURIComponent(scenarioId)}`,
    question: (questionId: string) => `${base}/questions/${encodeURIComponent(questionId)}`,
    scenarioExtension: `${base}/extensions/scenario`,
    attemptExtension: `${base}/extensions/attempt`,
    checksExtension: `${base}/extensions/checks`,
    questionExtension: `${base}/extensions/question`,
  };
}

export type CourseIris = ReturnType<typeof courseIris>;
