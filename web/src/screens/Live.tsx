// Live: count jumps with this phone outside a session; the set is saved as a recording for the
// chosen date.
import { useState } from 'preact/hooks';
import { localToday } from '../api';
import { LivePanel, useLive } from '../livePanel';

export default function Live() {
  const [date, setDate] = useState(localToday());
  const live = useLive(date);
  const busy = live.counting || live.view?.status === 'ending';
  return (
    <div>
      <h1>Count jumps live</h1>
      <p>
        Put the phone where you choose below, start counting, and jump. The count and your cadence update as you go; stop counting to save the
        set as a recording.
      </p>
      <label>
        Session date
        <input
          type="date"
          name="date"
          value={date}
          max={localToday()}
          disabled={busy}
          onInput={(e) => {
            setDate(e.currentTarget.value || localToday());
            if (live.view?.status === 'saved') live.reset();
          }}
        />
      </label>
      <LivePanel live={live} title="Start counting" />
      <p>
        <a href="#/recordings">All recordings</a>
      </p>
    </div>
  );
}
