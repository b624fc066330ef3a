/** Function words and email small talk, ignored when comparing what two passages are about. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any anyone are aren around as at back be because been before being below between both but by ' +
    'can cannot could couldn did didn do does doesn doing don done down during each either else even ever every few for from further get gets getting got had hadn has hasn have haven having he her here hers him his how ' +
    'i if in into is isn it its itself just let like ll me might more most much must my no nor not now of off on once one only or other our ours out over own ' +
    'please re really s same shall she should so some still such t than that the their theirs them then there these they this those through to too under until up upon us ' +
    've very was wasn we were weren what when where whether which while who whom why will with won would wouldn you your yours yourself ' +
    'hi hello hey dear thanks thank regards best cheers team all everyone quick just also anyway ok okay yes sure great good lovely nice well hope ' +
    'know think want wanted need needs make made take see say said go going come day days week weeks today tomorrow time way thing things lot bit sure ' +
    'monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun ' +
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'am pm next last first new still email emails'
  ).split(' '),
);

/** A rough stem so that "renewal"/"renewals" and "patch"/"patching" compare equal. */
export function stem(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length <= 4) return w;
  return w.replace(/(?:ings?|ed|es|s|ly|ment|er|ers|e)$/, '');
}

/**
 * Words of an email's furniture ("the quote is attached", "questions? call the helpdesk"):
 * they appear in any email, so they say nothing about whether two passages share a topic.
 */
export const FURNITURE: ReadonlySet<string> = new Set(
  (
    'attached attach attachment attachments quote guide questions question call ring helpdesk help desk ext extension reply ' +
    'replies link below above details document documents form forms file files pdf template calendar contact number phone ' +
    'mobile email message note info information thank thanks grateful cheers regards hesitate touch shout happy able ' +
    'let know need needed send sent find look check confirm please kind best wishes today tomorrow week weeks month monday ' +
    'office team everyone anyone someone people colleagues also fyi too'
  ).split(' '),
);
