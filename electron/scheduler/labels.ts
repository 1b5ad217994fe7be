// Short interval labels for the answer buttons, in the style learners know from Anki.
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

function trim(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

export function intervalLabel(ms: number): string {
  const t = Math.max(0, ms);
  // Under ten minutes a half minute shows (Hard's 5.5m on the first step), as Anki shows it.
  if (t < 10 * minute) return `${Math.max(1, Math.round((t / minute) * 2) / 2)}m`;
  if (t < hour) return `${Math.round(t / minute)}m`;
  if (t < day) return `${trim(t / hour)}h`;
  if (t < 30 * day) return `${Math.round(t / day)}d`;
  if (t < 365 * day) return `${trim(t / (30 * day))}mo`;
  return `${trim(t / (365 * day))}y`;
}
