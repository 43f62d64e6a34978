// Recordings: upload a CSV from a phone sensor app, see its signal with each detected landing,
// the metrics and the form feedback; list, open and delete earlier ones. The list and the view are
// also used read-only by the clinician view.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, localToday, MAX_UPLOAD_BYTES, recordingCsvUrl, type Analysis, type Placement, type PlacementCertainty, type Recording, type RecordingItem } from '../api';
import { fitWords } from '../fit.words';
import { FitButton } from '../fitButton';
import { placementWords } from '../livePanel';
import { CadenceChart, SignalChart } from '../signalChart';
import { useApp } from '../state';
import { Card, ErrorText, errorMessage } from '../ui';
import { dateWords } from '../words';
import { recordingsWords as w } from './Recordings.words';

const placementName = w.placementNames;

export const newestFirst = (rs: RecordingItem[]) =>
  [...rs].sort((a, b) => (a.date === b.date ? b.created_at - a.created_at || b.id - a.id : a.date < b.date ? 1 : -1));

// A phone or tablet, where the chart cannot be dragged with a mouse.
function coarsePointer(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches;
}

export const recordingTitle = (r: { source: string; name: string }) => (r.source === 'live' ? w.countedLive : r.name || w.uploaded);

// The metrics as label and value; a missing value says why.
export function metrics(a: Analysis): [string, string][] {
  const where = placementName[a.placement] ?? a.placement;
  return [
    [w.metric.jumps, w.jumps(a.jumps)],
    [w.metric.cadence, a.cadence_per_min > 0 ? w.perMinute(a.cadence_per_min) : w.none],
    [w.metric.height, a.jump_height_cm === null ? w.notShownAt(where) : w.centimetres(a.jump_height_cm)],
    [w.metric.impact, a.impact_g === null ? w.notShownAt(where) : w.gForce(a.impact_g, a.impact_clipped)],
    [w.metric.rhythm, a.jumps > 2 ? w.variation(a.rhythm_cv * 100) : w.none],
    [w.metric.trips, w.stops(a.trips + (a.rests ?? 0))],
    [w.metric.longestRun, w.longestRun(a.longest_run)],
    [w.metric.activeTime, w.activeOf(a.active_seconds, a.input.duration_s)],
  ];
}

// The server's sentences start in lower case (they also end up inside the command line's lines).
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

// How the placement was known: given at upload, or guessed and how sure the server was.
function placementGuess(a: Analysis): 'given' | 'guessed' | PlacementCertainty {
  if (a.placement_guessed !== true) return 'given';
  return a.placement_certainty ?? 'guessed';
}

export function RecordingView(props: { recording: Recording; onDelete?: () => Promise<void>; focus?: boolean }) {
  const { recording: r } = props;
  const a = r.analysis;
  const why = a.gate?.why ?? null;
  // The reason is shown above; the warnings list does not repeat it.
  const warnings = a.warnings.filter((x) => x !== why);
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
          {dateWords(r.date)}
          {w.phoneAt(a.placement === 'waist' ? w.atTheWaist : placementWords[a.placement as Placement]?.toLowerCase() ?? a.placement, placementGuess(a))}
        </p>
        {why && (
          <div class="note why" role="note" aria-labelledby="gate-why-title">
            <h3 id="gate-why-title">{a.jumps === 0 ? w.whyNoJumps : w.whySomeNotCounted}</h3>
            <p>{sentence(why)}</p>
          </div>
        )}
        <SignalChart analysis={a} />
        <p class="muted small">
          {w.chartHelp} {coarsePointer() ? w.chartTouch : w.chartMouse}
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
      <Card title={w.howItWent}>
        {a.feedback.length ? (
          <ul class="feedback">
            {a.feedback.map((f) => (
              <li>{f}</li>
            ))}
          </ul>
        ) : (
          <p>{w.nothingToChange}</p>
        )}
        {warnings.length > 0 && (
          <>
            <h3>{w.aboutTitle}</h3>
            <ul class="warnings">
              {warnings.map((x) => (
                <li>{sentence(x)}</li>
              ))}
            </ul>
          </>
        )}
        {(a.input.skipped_rows ?? 0) > 0 && <p class="note">{w.skippedRows(a.input.skipped_rows ?? 0)}</p>}
      </Card>
      {a.events.length > 0 && (
        <details class="card">
          <summary>{w.everyLanding(a.events.length)}</summary>
          <table class="days">
            <thead>
              <tr>
                <th scope="col">{w.columns.time}</th>
                <th scope="col">{w.columns.flight}</th>
                <th scope="col">{w.columns.impact}</th>
              </tr>
            </thead>
            <tbody>
              {a.events.map((e) => (
                <tr>
                  <td>{w.seconds(e.t)}</td>
                  <td>{e.flight_s === null ? w.none : w.milliseconds(e.flight_s)}</td>
                  <td>{e.impact_g === null ? w.none : w.gForce(e.impact_g, false)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {props.onDelete && (
        <div class="card row">
          <a class="button" href={recordingCsvUrl(r.id)} download={r.source === 'live' ? `live-${r.date}.csv` : r.name}>
            {w.downloadCsv}
          </a>
          {a.events.length > 0 && <FitButton activity={async (fit) => fit.activityFromRecording(r)} fileName={fitWords.recordingFile(r.date, r.id)} />}
          {!confirming ? (
            <button ref={askDelete} onClick={() => setConfirming(true)}>
              {w.deleteAsk}
            </button>
          ) : (
            <div class="confirm" role="group" aria-label={w.confirmDelete}>
              <p>{w.deleteQuestion}</p>
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
                  {w.deleteYes}
                </button>
                <button ref={keep} onClick={() => setConfirming(false)}>
                  {w.keep}
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
  if (!props.recordings.length) return <p class="muted">{props.empty ?? w.noRecordings}</p>;
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
                <strong>{w.longestRun(r.jumps)}</strong>
                {r.cadence_per_min > 0 && <span>{w.itemCadence(r.cadence_per_min)}</span>}
              </span>
              <span class="muted small">
                {dateWords(r.date)} · {recordingTitle(r)} · {placementName[r.placement] ?? r.placement} · {w.itemLength(r.duration_s)}
              </span>
            </a>
          </li>
        ))}
      </ul>
      {shown.length < sorted.length && (
        <button class="link" onClick={() => setAll(true)}>
          {w.showAll(sorted.length)}
        </button>
      )}
    </>
  );
}

// An upload error in words a person can act on.
export function uploadError(e: unknown): { message: string; badLine: boolean } {
  if (e instanceof ApiError) {
    if (e.status === 413)
      return { message: w.tooLarge, badLine: false };
    if (e.status === 415) return { message: w.notCsv, badLine: false };
    if (e.status === 422 && e.field === 'csv') {
      const raw = e.message.replace(/\s*\(use --lenient[^)]*\)/, '').replace(/\.$/, '');
      const why = raw.charAt(0).toLowerCase() + raw.slice(1);
      return { message: w.unreadable(why), badLine: /^line \d+/i.test(why) };
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
    if (!f) return setError({ message: w.chooseFile, badLine: false });
    if (f.size === 0) return setError({ message: w.emptyFile, badLine: false });
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
      aria-label={w.uploadLabel}
      onSubmit={(e) => {
        e.preventDefault();
        void send(false);
      }}
    >
      <h2>{w.uploadTitle}</h2>
      <p class="muted small">
        {w.uploadHelp}
      </p>
      <label>
        {w.csvFile}
        <input ref={file} type="file" name="file" accept=".csv,.txt,text/csv,text/plain" onChange={() => setError(null)} />
      </label>
      <div class="row">
        <label>
          {w.wherePhone}
          <select name="placement" value={placement} onChange={(e) => setPlacement(e.currentTarget.value as Placement | 'auto')}>
            <option value="auto">{w.notSure}</option>
            {(Object.keys(placementWords) as Placement[]).map((p) => (
              <option value={p}>{placementWords[p]}</option>
            ))}
          </select>
        </label>
        <label>
          {w.sessionDate}
          <input type="date" name="date" value={date} max={localToday()} required onInput={(e) => setDate(e.currentTarget.value)} />
        </label>
      </div>
      {error && (
        <div class="error" role="alert">
          <p>{error.message}</p>
          {error.badLine && (
            <button type="button" disabled={busy} onClick={() => void send(true)}>
              {w.skipBadRows}
            </button>
          )}
        </div>
      )}
      <button class="primary big" type="submit" disabled={busy}>
        {busy ? w.analysing : w.upload}
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
      .catch((e) => setOpenError(e instanceof ApiError && e.status === 404 ? w.gone : errorMessage(e)));
  }, [id]);

  return (
    <div>
      <h1>{w.title}</h1>
      {id !== undefined && (
        <p>
          <a href="#/recordings">{w.allRecordings}</a>
        </p>
      )}
      <ErrorText error={openError} />
      {id !== undefined && !open && !openError && <p class="muted">{w.loadingOne}</p>}
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
              {w.countLive}
            </a>
          </p>
        </>
      )}
      <section aria-labelledby="earlier">
        <h2 id="earlier">{id === undefined ? w.earlier : w.other}</h2>
        <ErrorText error={listError} />
        {!list && !listError && <p class="muted">{w.loading}</p>}
        {/* The recording shown above is not listed again. */}
        {list && <RecordingList recordings={id === undefined ? list : list.filter((r) => r.id !== id)} selected={id} href={(x) => `#/recordings/${x}`} empty={id === undefined ? undefined : w.noOther} />}
      </section>
    </div>
  );
}
