// Recordings: upload a CSV from a phone sensor app, see its signal with each detected landing,
// the metrics and the form feedback; list, open and delete earlier ones. The list and the view are
// also used read-only by the clinician view.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, localToday, MAX_UPLOAD_BYTES, recordingCsvUrl, type Analysis, type Placement, type Recording, type RecordingItem } from '../api';
import { fitWords } from '../fit.words';
import { FitButton } from '../fitButton';
import { placementWords } from '../livePanel';
import { CadenceChart, SignalChart } from '../signalChart';
import { useApp } from '../state';
import { Card, ErrorText, errorMessage } from '../ui';
import { count, dateWords } from '../words';

const placementName: Record<string, string> = { pocket: 'pocket', ankle: 'ankle', wrist: 'wrist', chest: 'chest', waist: 'waist' };

export const newestFirst = (rs: RecordingItem[]) =>
  [...rs].sort((a, b) => (a.date === b.date ? b.created_at - a.created_at || b.id - a.id : a.date < b.date ? 1 : -1));

const one = (n: number) => (Math.round(n * 10) / 10).toString();
const whole = (n: number) => Math.round(n).toString();
// A phone or tablet, where the chart cannot be dragged with a mouse.
function coarsePointer(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches;
}

export const recordingTitle = (r: { source: string; name: string }) => (r.source === 'live' ? 'Counted live' : r.name || 'Uploaded recording');

// The metrics as label and value; a missing value says why.
export function metrics(a: Analysis): [string, string][] {
  const where = placementName[a.placement] ?? a.placement;
  return [
    ['Jumps', String(a.jumps)],
    ['Cadence', a.cadence_per_min > 0 ? `${whole(a.cadence_per_min)}/min` : '–'],
    ['Jump height', a.jump_height_cm === null ? `not shown at the ${where}` : `${one(a.jump_height_cm)} cm`],
    ['Landing impact', a.impact_g === null ? `not shown at the ${where}` : `${a.impact_clipped ? 'at least ' : ''}${one(a.impact_g)} g`],
    ['Rhythm', a.jumps > 2 ? `${whole(a.rhythm_cv * 100)}% variation` : '–'],
    ['Trips and stops', String(a.trips + (a.rests ?? 0))],
    ['Longest run', count(a.longest_run, 'jump')],
    ['Active time', `${whole(a.active_seconds)} s of ${whole(a.input.duration_s)} s`],
  ];
}

export function RecordingView(props: { recording: Recording; onDelete?: () => Promise<void>; focus?: boolean }) {
  const { recording: r } = props;
  const a = r.analysis;
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const askDelete = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    setConfirming(false);
    setError(null);
    // A recording just uploaded or opened takes the focus, so a screen reader starts there.
    if (props.focus) heading.current?.focus();
  }, [r.id]);
  // The question takes the focus on its safe answer; going back returns it to "Delete…".
  const confirmed = useRef(false);
  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (confirmed.current) askDelete.current?.focus();
    confirmed.current = confirming;
  }, [confirming]);
  return (
    <article class="recording" aria-labelledby="recording-title">
      <Card>
        <h2 id="recording-title" ref={heading} tabIndex={-1}>
          {recordingTitle(r)}
        </h2>
        <p class="muted">
          {dateWords(r.date)} · phone {a.placement === 'waist' ? 'at the waist' : placementWords[a.placement as Placement]?.toLowerCase() ?? a.placement}
          {a.placement_guessed ? ' (guessed from the signal)' : ''}
        </p>
        <SignalChart analysis={a} />
        <p class="muted small">
          The band is the acceleration the phone felt (1 g is standing still); each dot marks a landing.{' '}
          {coarsePointer()
            ? 'The chart shows the whole recording; on a computer you can drag across it to zoom in.'
            : 'Drag across the chart to zoom in, double-click to zoom out.'}
        </p>
        <dl class="metrics" data-testid="metrics">
          {metrics(a).map(([k, v]) => (
            <div>
              <dt>{k}</dt>
              <dd data-metric={k}>{v}</dd>
            </div>
          ))}
        </dl>
        <CadenceChart analysis={a} />
      </Card>
      <Card title="How it went">
        {a.feedback.length ? (
          <ul class="feedback">
            {a.feedback.map((f) => (
              <li>{f}</li>
            ))}
          </ul>
        ) : (
          <p>Nothing to change: steady, even jumps.</p>
        )}
        {a.warnings.length > 0 && (
          <>
            <h3>About this recording</h3>
            <ul class="warnings">
              {a.warnings.map((w) => (
                <li>{w.charAt(0).toUpperCase() + w.slice(1)}</li>
              ))}
            </ul>
          </>
        )}
        {(a.input.skipped_rows ?? 0) > 0 && <p class="note">{a.input.skipped_rows} rows of the file could not be read and were skipped.</p>}
      </Card>
      {a.events.length > 0 && (
        <details class="card">
          <summary>Every landing ({a.events.length})</summary>
          <table class="days">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Flight</th>
                <th scope="col">Impact</th>
              </tr>
            </thead>
            <tbody>
              {a.events.map((e) => (
                <tr>
                  <td>{e.t.toFixed(2)} s</td>
                  <td>{e.flight_s === null ? '–' : `${Math.round(e.flight_s * 1000)} ms`}</td>
                  <td>{e.impact_g === null ? '–' : `${one(e.impact_g)} g`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {props.onDelete && (
        <div class="card row">
          <a class="button" href={recordingCsvUrl(r.id)} download={r.source === 'live' ? `live-${r.date}.csv` : r.name}>
            Download the CSV
          </a>
          {a.events.length > 0 && <FitButton activity={async (fit) => fit.activityFromRecording(r)} fileName={fitWords.recordingFile(r.date, r.id)} />}
          {!confirming ? (
            <button ref={askDelete} onClick={() => setConfirming(true)}>
              Delete…
            </button>
          ) : (
            <div class="confirm" role="group" aria-label="Confirm delete">
              <p>Delete this recording? This cannot be undone.</p>
              <div class="row">
                <button
                  class="danger"
                  disabled={busy}
                  onClick={async () => {
                    setBusy(true);
                    setError(null);
                    try {
                      await props.onDelete!();
                    } catch (e) {
                      setError(errorMessage(e));
                    } finally {
                      setBusy(false);
                    }
                  }}
                >
                  Delete recording
                </button>
                <button ref={keep} onClick={() => setConfirming(false)}>
                  Keep it
                </button>
              </div>
            </div>
          )}
          <ErrorText error={error} />
        </div>
      )}
    </article>
  );
}

// The newest 20 at first; the rest on request.
const FIRST_SHOWN = 20;

export function RecordingList(props: { recordings: RecordingItem[]; selected?: number; href: (id: number) => string; onOpen?: (id: number) => void; empty?: string }) {
  const [all, setAll] = useState(false);
  if (!props.recordings.length) return <p class="muted">{props.empty ?? 'No recordings yet.'}</p>;
  const sorted = newestFirst(props.recordings);
  const shown = all ? sorted : sorted.slice(0, FIRST_SHOWN);
  return (
    <>
      <ul class="recordings">
        {shown.map((r) => (
          <li>
            <a
              href={props.href(r.id)}
              class={r.id === props.selected ? 'rec on' : 'rec'}
              aria-current={r.id === props.selected ? 'true' : undefined}
              onClick={
                props.onOpen
                  ? (e) => {
                      e.preventDefault();
                      props.onOpen!(r.id);
                    }
                  : undefined
              }
            >
              <span class="rec-main">
                <strong>{count(r.jumps, 'jump')}</strong>
                {r.cadence_per_min > 0 && <span> · {whole(r.cadence_per_min)} a minute</span>}
              </span>
              <span class="muted small">
                {dateWords(r.date)} · {recordingTitle(r)} · {placementName[r.placement] ?? r.placement} · {whole(r.duration_s)} s
              </span>
            </a>
          </li>
        ))}
      </ul>
      {shown.length < sorted.length && (
        <button class="link" onClick={() => setAll(true)}>
          Show all {sorted.length} recordings
        </button>
      )}
    </>
  );
}

// An upload error in words a person can act on.
export function uploadError(e: unknown): { message: string; badLine: boolean } {
  if (e instanceof ApiError) {
    if (e.status === 413)
      return { message: 'This file is larger than 16 MB, the most Bounceback takes. Export a shorter recording: a few minutes of jumping is plenty.', badLine: false };
    if (e.status === 415) return { message: 'Bounceback takes recordings as CSV text files. Choose the .csv file the sensor app exported.', badLine: false };
    if (e.status === 422 && e.field === 'csv') {
      const raw = e.message.replace(/\s*\(use --lenient[^)]*\)/, '').replace(/\.$/, '');
      const why = raw.charAt(0).toLowerCase() + raw.slice(1);
      return { message: `This file could not be read: ${why}.`, badLine: /^line \d+/i.test(why) };
    }
  }
  return { message: errorMessage(e), badLine: false };
}

export function UploadForm({ onUploaded }: { onUploaded: (r: Recording) => void }) {
  const file = useRef<HTMLInputElement>(null);
  const [placement, setPlacement] = useState<Placement | 'auto'>('auto');
  const [date, setDate] = useState(localToday());
  const [error, setError] = useState<{ message: string; badLine: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(lenient: boolean) {
    const f = file.current?.files?.[0];
    if (!f) return setError({ message: 'Choose the CSV file first.', badLine: false });
    if (f.size === 0) return setError({ message: 'This file is empty. Choose the CSV file the sensor app exported.', badLine: false });
    if (f.size > MAX_UPLOAD_BYTES) return setError(uploadError(new ApiError('', 413, 'payload_too_large', '')));
    setBusy(true);
    setError(null);
    try {
      const r = await api.uploadRecording(f, { date, placement, name: f.name, lenient });
      if (file.current) file.current.value = '';
      onUploaded(r);
    } catch (e) {
      setError(uploadError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="card"
      aria-label="Upload a recording"
      onSubmit={(e) => {
        e.preventDefault();
        void send(false);
      }}
    >
      <h2>Add a recording</h2>
      <p class="muted small">
        Record a set with a phone sensor app (a time column and three acceleration columns, in g or m/s²) and export it as CSV.
      </p>
      <label>
        CSV file
        <input ref={file} type="file" name="file" accept=".csv,.txt,text/csv,text/plain" onChange={() => setError(null)} />
      </label>
      <div class="row">
        <label>
          Where the phone was
          <select name="placement" value={placement} onChange={(e) => setPlacement(e.currentTarget.value as Placement | 'auto')}>
            <option value="auto">Not sure: tell from the signal</option>
            {(Object.keys(placementWords) as Placement[]).map((p) => (
              <option value={p}>{placementWords[p]}</option>
            ))}
          </select>
        </label>
        <label>
          Session date
          <input type="date" name="date" value={date} max={localToday()} required onInput={(e) => setDate(e.currentTarget.value)} />
        </label>
      </div>
      {error && (
        <div class="error" role="alert">
          <p>{error.message}</p>
          {error.badLine && (
            <button type="button" disabled={busy} onClick={() => void send(true)}>
              Skip the rows that cannot be read and try again
            </button>
          )}
        </div>
      )}
      <button class="primary big" type="submit" disabled={busy}>
        {busy ? 'Analysing…' : 'Upload and analyse'}
      </button>
    </form>
  );
}

export default function Recordings({ id }: { id?: number }) {
  const { go } = useApp();
  const [list, setList] = useState<RecordingItem[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [open, setOpen] = useState<Recording | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);

  const loadList = () =>
    api
      .recordings()
      .then((r) => {
        setList(r.recordings);
        setListError(null);
      })
      .catch((e) => setListError(errorMessage(e)));

  useEffect(() => {
    void loadList();
  }, []);

  useEffect(() => {
    setOpenError(null);
    if (id === undefined) return setOpen(null);
    if (open?.id === id) return;
    setOpen(null);
    api
      .recording(id)
      .then(setOpen)
      .catch((e) => setOpenError(e instanceof ApiError && e.status === 404 ? 'This recording does not exist any more.' : errorMessage(e)));
  }, [id]);

  return (
    <div>
      <h1>Recordings</h1>
      {id !== undefined && (
        <p>
          <a href="#/recordings">← All recordings</a>
        </p>
      )}
      <ErrorText error={openError} />
      {id !== undefined && !open && !openError && <p class="muted">Loading the recording…</p>}
      {open && (
        <RecordingView
          recording={open}
          focus
          onDelete={async () => {
            await api.deleteRecording(open.id);
            setOpen(null);
            await loadList();
            go('recordings');
          }}
        />
      )}
      {id === undefined && (
        <>
          <UploadForm
            onUploaded={(r) => {
              setOpen(r);
              void loadList();
              go(`recordings/${r.id}`);
            }}
          />
          <p>
            <a class="button wide" href="#/live">
              Count jumps live with this phone
            </a>
          </p>
        </>
      )}
      <section aria-labelledby="earlier">
        <h2 id="earlier">{id === undefined ? 'Earlier recordings' : 'Other recordings'}</h2>
        <ErrorText error={listError} />
        {!list && !listError && <p class="muted">Loading…</p>}
        {/* The recording shown above is not listed again. */}
        {list && <RecordingList recordings={id === undefined ? list : list.filter((r) => r.id !== id)} selected={id} href={(x) => `#/recordings/${x}`} empty={id === undefined ? undefined : 'No other recordings.'} />}
      </section>
    </div>
  );
}
