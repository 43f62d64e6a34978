// "Export to FIT": builds the activity when pressed and downloads it. The FIT code and Garmin's SDK
// are fetched then, not with the screen.
import { useState } from 'preact/hooks';
import { ApiError } from './api';
import type { FitActivity } from './fit';
import { fitWords } from './fit.words';
import { ErrorText, errorMessage } from './ui';

type Fit = typeof import('./fit');

export function FitButton(props: { activity: (fit: Fit) => Promise<FitActivity | null>; fileName: string; disabled?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div class="fit-export">
      <button
        type="button"
        disabled={busy || props.disabled}
        title={fitWords.hint}
        onClick={async () => {
          setBusy(true);
          setError(null);
          setSaved(null);
          try {
            const fit = await import('./fit');
            const a = await props.activity(fit);
            if (!a) throw new Error(fitWords.failed);
            await fit.exportFit(a, props.fileName);
            setSaved(fitWords.saved(props.fileName));
          } catch (e) {
            // A failed request says why in words; anything else (the SDK not loading) in ours.
            setError(e instanceof ApiError ? errorMessage(e) : fitWords.failed);
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? fitWords.busy : fitWords.button}
      </button>
      {saved && (
        <p role="status" class="muted small">
          {saved}
        </p>
      )}
      <ErrorText error={error} />
    </div>
  );
}
