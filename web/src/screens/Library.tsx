// Library: every catalog item with its figure, filtered by target and position; the rope guide; a
// guide to recovery methods with sources.
import { useEffect, useState } from 'preact/hooks';
import { api, type RopeAdvice } from '../api';
import { Figure } from '../figures';
import { useApp } from '../state';
import { Card } from '../ui';
import { positionWords, targetWords } from '../words';
import { libraryWords as w } from './Library.words';
import { RopeAdviceView } from './Onboarding';

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
      <h1>{w.title}</h1>
      <div class="segmented" role="tablist" aria-label={w.sections}>
        {(
          [
            ['moves', w.tabs.moves],
            ['rope', w.tabs.rope],
            ['methods', w.tabs.methods],
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
              {w.target}
              <select name="target" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
                <option value="">{w.all}</option>
                {Object.entries(targetWords).map(([k, v]) => (
                  <option value={k}>{v}</option>
                ))}
              </select>
            </label>
            <label>
              {w.position}
              <select name="position" value={position} onChange={(e) => setPosition(e.currentTarget.value)}>
                <option value="">{w.all}</option>
                {Object.entries(positionWords).map(([k, v]) => (
                  <option value={k}>{v}</option>
                ))}
              </select>
            </label>
          </div>
          <p class="muted" aria-live="polite">
            {w.shown(items.length, catalog.size)}
          </p>
          <ul class="library">
            {items.map((i) => (
              <li class="card item">
                <Figure id={i.id} size={148} title={i.name} />
                <div>
                  <h2>{i.name}</h2>
                  <p class="muted">
                    {w.kinds[i.kind] ?? i.kind} · {positionWords[i.position] ?? i.position} · {i.targets.map((t) => targetWords[t] ?? t).join(', ')}
                    {i.hold_seconds ? (i.kind === 'rope_drill' ? w.rounds(i.hold_seconds) : w.hold(i.hold_seconds, i.each_side === true)) : ''}
                  </p>
                  <details>
                    <summary>{w.howTo}</summary>
                    <ol>
                      {i.steps.map((s) => (
                        <li>{s}</li>
                      ))}
                    </ol>
                    {i.breath && <p>{w.breath(i.breath)}</p>}
                    {i.cues.length > 0 && (
                      <ul>
                        {i.cues.map((c) => (
                          <li>{c}</li>
                        ))}
                      </ul>
                    )}
                    {i.cautions.length > 0 && (
                      <p class="caution">
                        <strong>{w.takeCare}</strong> {i.cautions.join(' ')}
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
            <Card title={w.yourRope}>
              <RopeAdviceView advice={advice} />
            </Card>
          )}
          <Card title={w.gentleTitle}>
            <ul>
              {advice?.start && <li data-testid="rope-start">{advice.start}</li>}
              {w.gentle.map((t) => (
                <li>{t}</li>
              ))}
            </ul>
          </Card>
        </div>
      )}

      {tab === 'methods' && (
        <div>
          {w.methods.map((m) => (
            <Card title={m.title}>
              <p>{m.text}</p>
            </Card>
          ))}
          <Card title={w.sourcesTitle}>
            <ul class="sources">
              <li>National Institute for Health and Care Excellence. Low back pain and sciatica in over 16s: assessment and management (NG59), 2016, updated 2020.</li>
              <li>Qaseem A, et al. Noninvasive treatments for acute, subacute, and chronic low back pain: a clinical practice guideline from the American College of Physicians. Ann Intern Med 2017.</li>
              <li>Hayden JA, et al. Exercise therapy for chronic low back pain. Cochrane Database of Systematic Reviews 2021.</li>
              <li>Wieland LS, et al. Yoga treatment for chronic non-specific low back pain. Cochrane Database of Systematic Reviews 2022.</li>
              <li>Dahm KT, et al. Advice to rest in bed versus advice to stay active for acute low-back pain and sciatica. Cochrane Database of Systematic Reviews 2010.</li>
              <li>Macedo LG, et al. Graded activity and graded exposure for persistent nonspecific low back pain. Phys Ther 2010.</li>
              <li>Silbernagel KG, et al. Continued sports activity, using a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy. Am J Sports Med 2007.</li>
            </ul>
            <p class="muted">{w.sourcesNote}</p>
          </Card>
        </div>
      )}
    </div>
  );
}
