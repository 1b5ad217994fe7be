// The study day, as Anki counts it: it starts at a fixed local hour (04:00 by default), so a
// late-night session still belongs to the evening's day. Everything here is local time, with
// the machine's time zone and its daylight-saving changes: a study day is 23, 24 or 25 hours.

/** Start of the study day containing `now`, in local time. */
export function studyDayStart(now: Date, dayStartHour: number): Date {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate(), dayStartHour, 0, 0, 0);
  if (now.getTime() < start.getTime()) start.setDate(start.getDate() - 1);
  return start;
}

/** Start of the next study day: the end (exclusive) of the one containing `now`. */
export function nextStudyDayStart(now: Date, dayStartHour: number): Date {
  const start = studyDayStart(now, dayStartHour);
  return new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1, dayStartHour, 0, 0, 0);
}

/**
 * The study day containing `t` (ms), numbered by its local calendar date: one more for each
 * day after 1970-01-01. Two times are `b - a` study days apart, whatever the hours between.
 */
export function studyDayNumber(t: number, dayStartHour: number): number {
  const start = studyDayStart(new Date(t), dayStartHour);
  return Math.round(Date.UTC(start.getFullYear(), start.getMonth(), start.getDate()) / 86_400_000);
}

/** When study day number `n` starts, in local time (the inverse of studyDayNumber). */
export function startOfStudyDay(n: number, dayStartHour: number): number {
  const date = new Date(n * 86_400_000);
  return new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), dayStartHour, 0, 0, 0).getTime();
}
