// Every word the Library shows (its own texts; the items' names and steps come from the catalog),
// in one place, ready for a second language.
import { count, formatNumber } from '../words';

export const libraryWords = {
  title: 'Library',
  sections: 'Library sections',
  tabs: { moves: 'Moves', rope: 'Rope guide', methods: 'Recovery methods' },
  kinds: { stretch: 'Stretch', yoga: 'Yoga', mobility: 'Mobility', rope_drill: 'Rope drill' } as Record<string, string>,
  target: 'Target',
  position: 'Position',
  all: 'All',
  shown: (shown: number, all: number) => `${formatNumber(shown)} of ${count(all, 'move')}`,
  hold: (seconds: number, eachSide: boolean) => ` · hold ${formatNumber(seconds)} s${eachSide ? ' each side' : ''}`,
  // A rope drill's seconds are its rounds of work, not a hold.
  rounds: (seconds: number) => ` · rounds of ${formatNumber(seconds)} s`,
  howTo: 'How to do it',
  breath: (text: string) => `Breath: ${text}`,
  takeCare: 'Take care:',
  yourRope: 'Your rope',
  gentleTitle: 'Jumping gently',
  gentle: [
    'Keep jumps low, about two to three centimetres: just enough for the rope to pass. Land softly on the balls of your feet, knees a little bent.',
    'Turn the rope from the wrists, elbows close to your sides. Stand tall, eyes ahead.',
    'Jump on a forgiving surface: a wooden floor, a rubber mat or a gym floor, not concrete.',
    'Wear cushioned trainers. Keep rounds short with rests between; the plan sets the dose and raises it only when your back settles by the next morning.',
    'Stop for sharp pain, pain spreading down a leg, or pain that builds round after round.',
  ],
  methods: [
    {
      title: 'Staying active',
      text: 'For most low back pain, staying active and returning to normal activities gradually helps more than bed rest. Guidelines recommend exercise as a first treatment, and no single type is clearly best: the one you will do regularly is the right one.',
    },
    {
      title: 'Stretching and mobility',
      text: 'Gentle, slow movement of the hips and spine eases stiffness. Stay in a range that feels like a stretch, not pain, and breathe slowly while you hold.',
    },
    {
      title: 'Yoga',
      text: 'Trials of yoga for chronic low back pain show modest improvements in pain and function, similar to other exercise. Restorative, supported poses suit sensitive days.',
    },
    {
      title: 'Active recovery and graded activity',
      text: 'Raising activity in small planned steps, whatever the pain does day to day, builds tolerance. Some soreness after exercise is acceptable if it settles by the next morning: that is the traffic light Bounceback uses.',
    },
    {
      title: 'Jump rope',
      text: 'Low, rhythmic jumping loads the bones and muscles of the legs and trunk and raises the heart rate in a few minutes. Bounceback treats it as a dose to build slowly, starting with swings and short rounds, and holds or steps it back when your back reacts.',
    },
  ],
  sourcesTitle: 'Sources',
  sourcesNote: 'Each day\'s plan says which rules shaped it, and why, under "Why this plan" on Today.',
};
