// Every word the FIT export shows, in one place, ready for a second language.
export const fitWords = {
  button: 'Export to FIT',
  busy: 'Writing the FIT file…',
  hint: 'A FIT activity file for Garmin Connect, Strava and other training logs.',
  failed: 'The FIT file could not be written. Try again in a moment.',
  saved: (name: string) => `Saved ${name}.`,
  // The file's names: one per session day, one per recording.
  sessionFile: (date: string) => `bounceback-rope-${date}.fit`,
  recordingFile: (date: string, id: number) => `bounceback-recording-${date}-${id}.fit`,
  // The device the file names as its creator.
  productName: 'Bounceback',
};
