// Every word the app's shell shows around the screens (navigation, banners, loading), ready for
// a second language.
export const appWords = {
  screenFailed: 'This screen could not be loaded. Check the connection and reload.',
  loading: 'Loading…',
  nav: { today: 'Today', progress: 'Progress', recordings: 'Recordings', library: 'Library', settings: 'Settings', clinician: 'People' },
  urgentBanner: 'Get medical help now: plans are paused.',
  clearanceBanner: "Plans are paused until a clinician's clearance.",
  whatToDo: 'What to do',
  skip: 'Skip to content',
  brand: 'Bounceback',
  offline: 'Offline',
  mainNav: 'Main',
};
