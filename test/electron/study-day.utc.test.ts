// The study-day clock in UTC: the zone is set before anything reads the time.
process.env.TZ = 'UTC';
export {};
const { studyDayCases } = await import('./study-day-cases.ts');
studyDayCases('UTC');
