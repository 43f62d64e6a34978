// Live: count jumps with this phone outside a session; the set is saved as a recording for the
// chosen date.
import { useState } from 'preact/hooks';
import { localToday } from '../api';
import { LivePanel, useLive } from '../livePanel';
import { liveWords as w } from './Live.words';

export default function Live() {
  const [date, setDate] = useState(localToday());
  const live = useLive(date);
  const busy = live.counting || live.view?.status === 'ending';
  return (
    <div>
      <h1>{w.title}</h1>
      <p>{w.intro}</p>
      <label>
        {w.sessionDate}
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
      <LivePanel live={live} title={w.start} />
      <p>
        <a href="#/recordings">{w.allRecordings}</a>
      </p>
    </div>
  );
}
