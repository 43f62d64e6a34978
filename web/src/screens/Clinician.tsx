// Clinician: redeem a person's share code, then read their plans, responses and measures.
import { useEffect, useState } from 'preact/hooks';
import { api, type HistoryDay, type Progress, type Recording, type RecordingItem, type Share } from '../api';
import { Card, ErrorText, errorMessage } from '../ui';
import { dayTypeWords } from '../words';
import { ProgressView } from './Progress';
import { RecordingList, RecordingView } from './Recordings';

export default function Clinician() {
  const [shares, setShares] = useState<Share[] | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Share | null>(null);
  const [detail, setDetail] = useState<{ progress: Progress; days: HistoryDay[]; recordings: RecordingItem[] | null } | null>(null);
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
      const [progress, h, recordings] = await Promise.all([
        api.personProgress(s.person_id),
        api.personHistory(s.person_id),
        api.personRecordings(s.person_id).then((r) => r.recordings, () => null),
      ]);
      setDetail({ progress, days: h.days, recordings });
    } catch (e) {
      setDetailError(errorMessage(e));
    }
  }

  return (
    <div>
      <h1>People sharing with you</h1>
      <form
        class="card row"
        aria-label="Add a person"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          if (!code.trim()) return setError('Enter the code the person gave you.');
          try {
            await api.acceptInvite(code.trim());
            setCode('');
            await load();
          } catch (err) {
            setError(errorMessage(err));
          }
        }}
      >
        <label>
          Share code
          <input name="code" value={code} autoComplete="off" onInput={(e) => setCode(e.currentTarget.value)} />
        </label>
        <button class="primary" type="submit">Add person</button>
      </form>
      <ErrorText error={error} />
      {shares && shares.length === 0 && <p class="muted">Nobody shares with you yet. Ask the person to make a share code in their Settings.</p>}
      {shares && shares.length > 0 && (
        <ul class="people">
          {shares.map((s) => (
            <li>
              <button class={selected?.person_id === s.person_id ? 'person on' : 'person'} onClick={() => void open(s)}>
                {s.person_email}
              </button>
            </li>
          ))}
        </ul>
      )}
      {selected && (
        <section aria-label={`Progress of ${selected.person_email}`}>
          <ErrorText error={detailError} />
          {detail && (
            <>
              <Card title={`Recent days of ${selected.person_email}`}>
                <table class="days">
                  <thead>
                    <tr>
                      <th scope="col">Date</th>
                      <th scope="col">Pain</th>
                      <th scope="col">Plan</th>
                      <th scope="col">Session</th>
                      <th scope="col">Next morning</th>
                    </tr>
                  </thead>
                  <tbody>
                    {detail.days.slice(-14).reverse().map((d) => (
                      <tr>
                        <td>{d.date}</td>
                        <td>{d.checkin.pain}</td>
                        <td>{d.status === 'ok' ? dayTypeWords[d.day_type] ?? d.day_type : d.status.replace('_', ' ')}</td>
                        <td>
                          {d.session
                            ? `${d.session.rope_minutes} min rope, pain ${d.session.pain_during_max} during, ${d.session.pain_after} after${d.session.stopped === 'sharp_pain' ? ', stopped: sharp pain' : ''}`
                            : '—'}
                        </td>
                        <td>{d.next_morning_pain ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </Card>
              <Card title="Jump recordings">
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
                  <p class="muted">The recordings could not be loaded.</p>
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
