// Times the learner reads: "in 10 minutes", "tomorrow at 04:00", in their own locale.
const minute = 60_000;
const hour = 60 * minute;

function clock(d: Date): string {
  return d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

export function describeWhen(at: Date, now: Date): string {
  const ms = at.getTime() - now.getTime();
  if (ms <= minute) return 'now';
  if (ms < hour) {
    const m = Math.round(ms / minute);
    return `in ${m} minute${m === 1 ? '' : 's'} (${clock(at)})`;
  }
  if (sameDay(at, now)) return `today at ${clock(at)}`;
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  if (sameDay(at, tomorrow)) return `tomorrow at ${clock(at)}`;
  return at.toLocaleString(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
