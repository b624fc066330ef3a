import { z } from 'zod';

const text = z.string().min(1);

/** The course player's frame: outline, navigation, notices. */
export const schema = z.strictObject({
  outlineHeading: text,
  progressLabel: text,
  statusNotStarted: text,
  statusInProgress: text,
  statusCompleted: text,
  statusLocked: text,
  next: text,
  back: text,
  resumeNotice: text,
  lockedAfterUnits: text,
  lockedInOrder: text,
  practiceLink: text,
  courseLink: text,
  skipToContent: text,
  noticeStorageUnavailable: text,
  noticeProgressCorrupted: text,
  noticeProgressPartlyKept: text,
  noticeSaveFailed: text,
  noticeLmsUnavailable: text,
  noticeLmsNotFound: text,
  dismiss: text,
  /** Shown only when a cmi5 LMS gave a returnURL. */
  exitToLms: text,
  loadError: text,
  loading: text,
});
