// Every word the signed-out welcome screen shows, ready for a second language.
export const welcomeWords = {
  shortPassword: 'Choose a password of at least 10 characters.',
  headline: 'Move a little, every day, at the dose your back can take.',
  lead: "A 30-second check-in, then today's plan: gentle stretches on a sensitive day, a short jump-rope session on a good one, with the reasons in plain words. Bounceback does not diagnose; if something needs a clinician, it says so.",
  tabs: 'Account',
  register: 'Create account',
  login: 'Log in',
  email: 'Email',
  password: 'Password',
  passwordHint: 'At least 10 characters.',
  iAm: 'I am',
  person: 'Someone with back pain',
  clinician: 'A clinician following someone',
  invite: 'Clinician invite code',
  inviteHint: 'From whoever runs this Bounceback server: clinician accounts are by invitation.',
};
