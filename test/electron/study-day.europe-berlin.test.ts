// The study-day clock in Europe/Berlin: the zone is set before anything reads the time.
process.env.TZ = 'Europe/Berlin';
export {};
const { studyDayCases } = await import('./study-day-cases.ts');
studyDayCases('Europe/Berlin');
