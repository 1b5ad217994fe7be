// The study day, as Anki counts it: it starts at a fixed local hour (04:00 by default), so a
// late-night session still belongs to the evening's day.

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
