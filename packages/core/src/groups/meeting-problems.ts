// A meeting's problems in words, as the server would answer them: the phone shows these on each member
// and line. Apart from meeting-kit.ts because the words need every domain's messages (core's i18n,
// about 30 kB gzipped): a meeting with no problem never loads them.
import { detailMessage, domainErrorMessage, type RawIssue, translateIssues } from "../contract/validation.js";
import { DomainError } from "../errors.js";
import type { Locale } from "../i18n/index.js";
import { meetingInputJson } from "./meeting-input.js";
import { checkMeetingOnKit, type MeetingKit } from "./meeting-kit.js";

/** One problem of a meeting, as the server would answer it: where, its code, its message, the member. */
export interface MeetingProblem {
  path: string;
  code: string;
  message: string;
  memberId?: string;
}

/**
 * Every problem of the meeting in `locale`, with the messages the server would send (none: it would be
 * recorded, unless the books moved since the kit was made). What the phone shows, on each member and line.
 */
export function meetingProblems(
  kit: MeetingKit,
  json: unknown,
  today: string,
  locale: Locale,
): MeetingProblem[] {
  const parsed = meetingInputJson.safeParse(json);
  if (!parsed.success)
    return translateIssues(locale, parsed.error.issues as unknown as RawIssue[], json).map((i) => ({
      path: i.path,
      code: i.code,
      message: i.message,
    }));
  try {
    checkMeetingOnKit(kit, parsed.data, today);
    return [];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.details.length === 0)
      return [{ path: "", code: error.code, message: domainErrorMessage(locale, error) }];
    return error.details.map((d) => ({
      path: d.path,
      code: d.code,
      message: detailMessage(locale, d),
      ...(d.memberId !== undefined ? { memberId: d.memberId } : {}),
    }));
  }
}
