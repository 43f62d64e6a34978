// Canvas charts take their colours when drawn: this counter changes when the light or dark theme
// does (the device's setting or the app's), so they can be drawn again.
import { useEffect, useState } from 'preact/hooks';

export function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    media?.addEventListener?.('change', bump);
    const watch = typeof MutationObserver === 'function' ? new MutationObserver(bump) : null;
    watch?.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      media?.removeEventListener?.('change', bump);
      watch?.disconnect();
    };
  }, []);
  return version;
}
