// The study-day clock in America/Los_Angeles: the zone is set before anything reads the time.
process.env.TZ = 'America/Los_Angeles';
export {};
const { studyDayCases } = await import('./study-day-cases.ts');
studyDayCases('America/Los_Angeles');
