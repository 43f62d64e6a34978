// Clinician: redeem a person's share code, then read their plans, responses and measures.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, fhirExportUrl, type HistoryDay, type Progress, type PsfsActivity, type Recording, type RecordingItem, type ScreenSummary, type Share } from '../api';
import { useApp } from '../state';
import { Card, ErrorText, errorMessage } from '../ui';
import { dayTypeWords, feelWords, legWords, signWords } from '../words';
import { clinicianWords as w } from './Clinician.words';

// The latest PSFS entry's activities, as the measures answer lists them.
interface PsfsEntry { date: string; activities?: PsfsActivity[]; score?: number }

import { ProgressView } from './Progress';
import { RecordingList, RecordingView } from './Recordings';

export default function Clinician() {
  const [shares, setShares] = useState<Share[] | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Share | null>(null);
  const [detail, setDetail] = useState<{
    progress: Progress;
    days: HistoryDay[];
    recordings: RecordingItem[] | null;
    // null: no screen taken yet; undefined: it could not be loaded.
    screen: ScreenSummary | null | undefined;
    psfs: PsfsEntry | null;
  } | null>(null);
  const [recording, setRecording] = useState<Recording | null>(null);
  const [recordingError, setRecordingError] = useState<string | null>(null);
  const [detailError, setDetailError] = useState<string | null>(null);

  const load = () => api.shares().then((s) => setShares(s.shares)).catch((e) => setError(errorMessage(e)));
  useEffect(() => {
    void load();
  }, []);

  async function open(s: Share) {
    setSelected(s);
    setDetail(null);
    setDetailError(null);
    setRecording(null);
    setRecordingError(null);
    try {
      const [progress, h, recordings, screen, measures] = await Promise.all([
        api.personProgress(s.person_id),
        api.personHistory(s.person_id),
        api.personRecordings(s.person_id).then((r) => r.recordings, () => null),
        api.personScreening(s.person_id).catch((e) => (e instanceof ApiError && e.status === 404 ? null : undefined)),
        api.personMeasures(s.person_id).catch(() => null),
      ]);
      const psfs = ((measures?.psfs ?? []) as PsfsEntry[]).filter((p) => p.activities?.length).pop() ?? null;
      setDetail({ progress, days: h.days, recordings, screen, psfs });
    } catch (e) {
      setDetailError(errorMessage(e));
    }
  }

  return (
    <div>
      <h1>{w.title}</h1>
      <form
        class="card row"
        aria-label={w.addPerson}
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          if (!code.trim()) return setError(w.needCode);
          try {
            await api.acceptInvite(code);
            setCode('');
            await load();
          } catch (err) {
            setError(errorMessage(err));
          }
        }}
      >
        <label>
          {w.codeLabel}
          <input name="code" value={code} autoComplete="off" autoCapitalize="characters" spellcheck={false} onInput={(e) => setCode(e.currentTarget.value)} />
          <small class="muted">{w.codeHint}</small>
        </label>
        <button class="primary" type="submit">{w.addButton}</button>
      </form>
      <ErrorText error={error} />
      {shares && shares.length === 0 && <p class="muted">{w.nobody}</p>}
      {shares && shares.length > 0 && (
        <ul class="people">
          {shares.map((s) => (
            <li>
              <button class={selected?.person_id === s.person_id ? 'person on' : 'person'} onClick={() => void open(s)}>
                {s.person_name || s.person_email}
                {s.person_name && <small> · {s.person_email}</small>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {selected && (
        <section aria-label={w.progressOf(selected.person_name || selected.person_email)}>
          <ErrorText error={detailError} />
          <p>
            <a class="button" href={fhirExportUrl(selected.person_id)} download="bounceback-fhir.json">
              {w.fhirDownload}
            </a>
          </p>
          {detail && (
            <>
              <ScreenCard screen={detail.screen} />
              {detail.psfs && (
                <Card title={w.psfsTitle}>
                  <p class="muted small">{w.psfsRated(detail.psfs.date)}</p>
                  <ul class="psfs-list">
                    {detail.psfs.activities!.map((a) => (
                      <li>
                        {a.name}: <strong>{a.score}</strong>
                      </li>
                    ))}
                  </ul>
                </Card>
              )}
              <Card title={w.daysOf(selected.person_name || selected.person_email)} class="days-wrap">
                {detail.days.length === 0 && <p class="muted">{w.noDays}</p>}
                {detail.days.length > 0 && (
                <table class="days">
                  <thead>
                    <tr>
                      <th scope="col">{w.columns.date}</th>
                      <th scope="col">{w.columns.checkin}</th>
                      <th scope="col">{w.columns.plan}</th>
                      <th scope="col">{w.columns.session}</th>
                      <th scope="col">{w.columns.nextMorning}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {detail.days.slice(-14).reverse().map((d) => (
                      <tr>
                        <td>{d.date}</td>
                        <td>
                          {w.checkin(d.checkin.pain, feelWords[d.checkin.feel]?.toLowerCase() ?? d.checkin.feel)}
                          {d.checkin.leg_symptoms && d.checkin.leg_symptoms !== 'none' ? `; ${legWords[d.checkin.leg_symptoms].toLowerCase()}` : ''}
                          {d.checkin.notes && <q class="note-text">{d.checkin.notes}</q>}
                        </td>
                        <td>{d.status === 'ok' ? dayTypeWords[d.day_type] ?? d.day_type : d.status === 'urgent' ? w.pausedUrgent : w.pausedClinician}</td>
                        <td>
                          {d.session ? (
                            <>
                              {w.session(d.session.rope_minutes, d.session.pain_during_max, d.session.pain_after)}
                              {d.session.effort !== undefined && d.session.effort !== null ? w.effort(d.session.effort) : ''}
                              {d.session.stopped && d.session.stopped !== 'none' ? `, ${w.stops[d.session.stopped] ?? d.session.stopped}` : ''}
                              {d.session.notes && <q class="note-text">{d.session.notes}</q>}
                            </>
                          ) : (
                            '—'
                          )}
                        </td>
                        <td>{d.next_morning_pain ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                )}
              </Card>
              <Card title={w.recordingsTitle}>
                {detail.recordings ? (
                  <RecordingList
                    recordings={detail.recordings}
                    selected={recording?.id}
                    href={() => '#/clinician'}
                    onOpen={(id) => {
                      setRecordingError(null);
                      api
                        .personRecording(selected.person_id, id)
                        .then(setRecording)
                        .catch((e) => setRecordingError(errorMessage(e)));
                    }}
                  />
                ) : (
                  <p class="muted">{w.recordingsFailed}</p>
                )}
                <ErrorText error={recordingError} />
              </Card>
              {recording && <RecordingView recording={recording} />}
              <ProgressView progress={detail.progress} days={detail.days} recordings={detail.recordings} planFor={(date) => api.personPlan(selected.person_id, date)} />
            </>
          )}
        </section>
      )}
    </div>
  );
}

// The latest safety screen: when, what it found, and a clearance if one was recorded.
function ScreenCard({ screen }: { screen: ScreenSummary | null | undefined }) {
  const { safety } = useApp();
  if (screen === undefined) return <Card title={w.screenTitle}><p class="muted">{w.screenFailed}</p></Card>;
  if (screen === null) return <Card title={w.screenTitle}><p class="muted">{w.screenNotTaken}</p></Card>;
  const signs = [...screen.urgent, ...screen.see_clinician];
  return (
    <Card title={w.screenTitle} class={screen.outcome === 'urgent' ? 'danger' : screen.outcome === 'see_clinician' && !screen.cleared_on ? 'warn' : ''}>
      <p data-testid="screen-status">
        <strong>{w.screenOutcome[screen.outcome]}</strong>
        {w.takenOn(screen.date)}
      </p>
      {signs.length > 0 && <p>{w.answeredYes(signWords(signs, safety))}</p>}
      {screen.outcome === 'see_clinician' && (
        <p>{screen.cleared_on ? w.clearedOn(screen.cleared_on) : w.awaitingClearance}</p>
      )}
      {screen.outcome === 'urgent' && <p>{w.urgentPaused}</p>}
    </Card>
  );
}
