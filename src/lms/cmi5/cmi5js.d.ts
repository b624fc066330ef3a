// The part of cmi5.js (@rusticisoftware/cmi5, which ships no types) that the course uses. Its
// statement builders return plain xAPI statements; the course sends them itself (see outbox.ts).
declare module '@rusticisoftware/cmi5' {
  type Agent = import('./statement-types.ts').Agent;
  type LaunchData = import('./statement-types.ts').LaunchData;
  type Statement = import('./statement-types.ts').Statement;

  export interface Cmi5Score {
    scaled?: number;
    raw?: number;
    min?: number;
    max?: number;
  }

  export default class Cmi5 {
    /** Reads endpoint, fetch, actor, registration and activityId from the launch URL; throws when one is missing. */
    constructor(launchUrl: string);
    static uuidv4(): string;
    static convertMillisecondsToISO8601Duration(ms: number): string;
    /** POSTs to the fetch URL once for the auth token; throws on an error answer. */
    postFetch(): Promise<void>;
    /** GETs the LMS.LaunchData state document. */
    loadLMSLaunchData(): Promise<void>;
    /** GETs cmi5LearnerPreferences from the agent profile (404 reads as none). */
    loadLearnerPrefs(): Promise<void>;
    getAuth(): string;
    getEndpoint(): string;
    getActor(): Agent;
    getActivityId(): string;
    getRegistration(): string;
    getLaunchMode(): LaunchData['launchMode'];
    getMasteryScore(): number | null;
    getReturnURL(): string | null;
    getMoveOn(): string;
    getSessionId(): string;
    getLanguagePreference(): string | null;
    getAudioPreference(): string | null;
    includeSourceActivity(include: boolean): void;
    initializedStatement(): Statement;
    terminatedStatement(): Statement;
    completedStatement(): Statement;
    passedStatement(score?: Cmi5Score): Statement;
    failedStatement(score?: Cmi5Score): Statement;
    /** A statement with the context template, registration and the AU as object: a "cmi5 allowed" one when the verb isn't cmi5's. */
    prepareStatement(verbId: string): Statement;
  }
}
