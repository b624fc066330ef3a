/** The xAPI shapes the cmi5 AU sends and reads, as far as the course uses them. */

export interface Agent {
  objectType?: 'Agent';
  name?: string;
  account?: { homePage: string; name: string };
  mbox?: string;
}

export interface ActivityRef {
  id: string;
  objectType?: 'Activity';
  definition?: Record<string, unknown>;
}

export interface StatementContext {
  registration?: string;
  contextActivities?: Partial<Record<'parent' | 'grouping' | 'category' | 'other', ActivityRef[]>>;
  extensions?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface StatementResult {
  score?: { scaled?: number; raw?: number; min?: number; max?: number };
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  extensions?: Record<string, unknown>;
}

export interface Statement {
  id: string;
  timestamp: string;
  actor: Agent;
  verb: { id: string; display?: Record<string, string> };
  object: ActivityRef;
  result?: StatementResult;
  context: StatementContext;
}

/** The LMS.LaunchData state document (cmi5 section 10). */
export interface LaunchData {
  contextTemplate: StatementContext;
  launchMode: 'Normal' | 'Browse' | 'Review';
  moveOn?: string;
  masteryScore?: number;
  returnURL?: string;
  launchParameters?: string;
}

export const VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  progressed: 'http://adlnet.gov/expapi/verbs/progressed',
  launched: 'http://adlnet.gov/expapi/verbs/launched',
  abandoned: 'https://w3id.org/xapi/adl/verbs/abandoned',
  waived: 'https://w3id.org/xapi/adl/verbs/waived',
  satisfied: 'https://w3id.org/xapi/adl/verbs/satisfied',
} as const;

export const CMI5 = {
  categoryCmi5: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  categoryMoveOn: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
  launchMode: 'https://w3id.org/xapi/cmi5/context/extensions/launchmode',
  launchUrl: 'https://w3id.org/xapi/cmi5/context/extensions/launchurl',
  moveOn: 'https://w3id.org/xapi/cmi5/context/extensions/moveon',
  progress: 'https://w3id.org/xapi/cmi5/result/extensions/progress',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
} as const;

export function verbName(id: string): string {
  return Object.entries(VERBS).find(([, v]) => v === id)?.[0] ?? id;
}
