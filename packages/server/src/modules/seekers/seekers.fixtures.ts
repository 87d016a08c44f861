/* Test data of the seekers module, shared by its tests and the privacy tests. */

/** A profile as a seeker types it: 간호조무사 in 부평1동, with an hourly wage. */
export const PROFILE = {
  name: '김구직',
  birthYear: 1995,
  gender: 'female',
  phone: '010-1234-5678',
  email: 'gujik@example.kr',
  desiredOccupations: [{ scheme: 'KECO-2018', code: '3075' }],
  skills: [{ scheme: 'NCS', code: '06' }],
  education: 'college',
  careers: [{ occupation: { scheme: 'KECO-2018', code: '3040' }, months: 24, company: '부평병원' }],
  desiredWage: { type: 'hourly', amount: 11000 },
  shifts: ['day'],
  employmentTypes: ['permanent'],
  homeDongCode: '2306051',
  commuteKm: 5,
  groups: ['career_break_women'],
};

/** The consents of a seeker who agrees to services and recommendations, not to sensitive data. */
export const CONSENTS = { employment_services: true, recommendation: true, sensitive: false };

interface Client {
  post(url: string, body?: unknown): Promise<{ statusCode: number; body: string }>;
}

/** Signs up a new seeker account (password `seeker-pass-12`) and returns its signed-in client. */
export async function newSeeker<C extends Client>(app: { client(): C }, email: string): Promise<C> {
  const client = app.client();
  const res = await client.post('/api/v1/auth/sign-up', {
    accountType: 'seeker',
    email,
    password: 'seeker-pass-12',
    name: '새구직자',
    agreeTerms: true,
    agreePrivacy: true,
  });
  if (res.statusCode !== 201) throw new Error(`sign-up failed: ${res.statusCode}`);
  return client;
}
