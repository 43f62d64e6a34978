// Library: every catalog item with its figure, filtered by target and position; the rope guide; a
// guide to recovery methods with sources.
import { useEffect, useState } from 'preact/hooks';
import { api, type RopeAdvice } from '../api';
import { Figure } from '../figures';
import { useApp } from '../state';
import { Card } from '../ui';
import { positionWords, targetWords } from '../words';
import { RopeAdviceView } from './Onboarding';

const kindWords: Record<string, string> = { stretch: 'Stretch', yoga: 'Yoga', mobility: 'Mobility', rope_drill: 'Rope drill' };

export default function Library() {
  const { catalog, account } = useApp();
  const [tab, setTab] = useState<'moves' | 'rope' | 'methods'>('moves');
  const [target, setTarget] = useState('');
  const [position, setPosition] = useState('');
  const [advice, setAdvice] = useState<RopeAdvice | null>(null);

  useEffect(() => {
    if (tab === 'rope' && account?.role === 'person') api.ropeAdvice().then(setAdvice).catch(() => {});
  }, [tab]);

  const items = [...catalog.values()].filter(
    (i) => (!target || i.targets.includes(target)) && (!position || i.position === position),
  );

  return (
    <div>
      <h1>Library</h1>
      <div class="segmented" role="tablist" aria-label="Library sections">
        {(
          [
            ['moves', 'Moves'],
            ['rope', 'Rope guide'],
            ['methods', 'Recovery methods'],
          ] as const
        ).map(([k, label]) => (
          <button type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)}>
            {label}
          </button>
        ))}
      </div>

      {tab === 'moves' && (
        <div>
          <div class="filters">
            <label>
              Target
              <select name="target" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
                <option value="">All</option>
                {Object.entries(targetWords).map(([k, v]) => (
                  <option value={k}>{v}</option>
                ))}
              </select>
            </label>
            <label>
              Position
              <select name="position" value={position} onChange={(e) => setPosition(e.currentTarget.value)}>
                <option value="">All</option>
                {Object.entries(positionWords).map(([k, v]) => (
                  <option value={k}>{v}</option>
                ))}
              </select>
            </label>
          </div>
          <p class="muted" aria-live="polite">
            {items.length} of {catalog.size} moves
          </p>
          <ul class="library">
            {items.map((i) => (
              <li class="card item">
                <Figure id={i.id} size={148} title={i.name} />
                <div>
                  <h2>{i.name}</h2>
                  <p class="muted">
                    {kindWords[i.kind] ?? i.kind} · {positionWords[i.position] ?? i.position} · {i.targets.map((t) => targetWords[t] ?? t).join(', ')}
                    {i.hold_seconds ? ` · hold ${i.hold_seconds} s${i.each_side ? ' each side' : ''}` : ''}
                  </p>
                  <details>
                    <summary>How to do it</summary>
                    <ol>
                      {i.steps.map((s) => (
                        <li>{s}</li>
                      ))}
                    </ol>
                    {i.breath && <p>Breath: {i.breath}</p>}
                    {i.cues.length > 0 && (
                      <ul>
                        {i.cues.map((c) => (
                          <li>{c}</li>
                        ))}
                      </ul>
                    )}
                    {i.cautions.length > 0 && (
                      <p class="caution">
                        <strong>Take care:</strong> {i.cautions.join(' ')}
                      </p>
                    )}
                  </details>
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}

      {tab === 'rope' && (
        <div>
          {advice && (
            <Card title="Your rope">
              <RopeAdviceView advice={advice} />
            </Card>
          )}
          <Card title="Jumping gently">
            <ul>
              {advice?.start && <li data-testid="rope-start">{advice.start}</li>}
              <li>Keep jumps low, about two to three centimetres: just enough for the rope to pass. Land softly on the balls of your feet, knees a little bent.</li>
              <li>Turn the rope from the wrists, elbows close to your sides. Stand tall, eyes ahead.</li>
              <li>Jump on a forgiving surface: a wooden floor, a rubber mat or a gym floor, not concrete.</li>
              <li>Wear cushioned trainers. Keep rounds short with rests between; the plan sets the dose and raises it only when your back settles by the next morning.</li>
              <li>Stop for sharp pain, pain spreading down a leg, or pain that builds round after round.</li>
            </ul>
          </Card>
        </div>
      )}

      {tab === 'methods' && (
        <div>
          <Card title="Staying active">
            <p>
              For most low back pain, staying active and returning to normal activities gradually helps more than bed rest. Guidelines recommend exercise as a
              first treatment, and no single type is clearly best: the one you will do regularly is the right one.
            </p>
          </Card>
          <Card title="Stretching and mobility">
            <p>Gentle, slow movement of the hips and spine eases stiffness. Stay in a range that feels like a stretch, not pain, and breathe slowly while you hold.</p>
          </Card>
          <Card title="Yoga">
            <p>Trials of yoga for chronic low back pain show modest improvements in pain and function, similar to other exercise. Restorative, supported poses suit sensitive days.</p>
          </Card>
          <Card title="Active recovery and graded activity">
            <p>
              Raising activity in small planned steps, whatever the pain does day to day, builds tolerance. Some soreness after exercise is acceptable if it settles by the next morning:
              that is the traffic light Bounceback uses.
            </p>
          </Card>
          <Card title="Jump rope">
            <p>
              Low, rhythmic jumping loads the bones and muscles of the legs and trunk and raises the heart rate in a few minutes. Bounceback treats it as a dose to build slowly, starting with
              swings and short rounds, and holds or steps it back when your back reacts.
            </p>
          </Card>
          <Card title="Sources">
            <ul class="sources">
              <li>National Institute for Health and Care Excellence. Low back pain and sciatica in over 16s: assessment and management (NG59), 2016, updated 2020.</li>
              <li>Qaseem A, et al. Noninvasive treatments for acute, subacute, and chronic low back pain: a clinical practice guideline from the American College of Physicians. Ann Intern Med 2017.</li>
              <li>Hayden JA, et al. Exercise therapy for chronic low back pain. Cochrane Database of Systematic Reviews 2021.</li>
              <li>Wieland LS, et al. Yoga treatment for chronic non-specific low back pain. Cochrane Database of Systematic Reviews 2022.</li>
              <li>Dahm KT, et al. Advice to rest in bed versus advice to stay active for acute low-back pain and sciatica. Cochrane Database of Systematic Reviews 2010.</li>
              <li>Macedo LG, et al. Graded activity and graded exposure for persistent nonspecific low back pain. Phys Ther 2010.</li>
              <li>Silbernagel KG, et al. Continued sports activity, using a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy. Am J Sports Med 2007.</li>
            </ul>
            <p class="muted">Each day's plan says which rules shaped it, and why, under "Why this plan" on Today.</p>
          </Card>
        </div>
      )}
    </div>
  );
}
