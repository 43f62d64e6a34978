// The words of the API client's errors when the server's own message is missing or cannot be
// shown, ready for a second language.
export const apiWords = {
  offline: 'No connection to Bounceback right now. What you typed is kept; try again in a moment.',
  logInAgain: 'Please log in again.',
  tooMany: 'Too many attempts. Please wait a few minutes and try again.',
  serverFailed: 'Something went wrong on the server. What you typed is kept; try again in a moment.',
  failed: (code: string) => `The request failed (${code}).`,
};
