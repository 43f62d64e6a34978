// <Figure id="cat_cow" />: the drawing of a catalog item, moving from its start pose to its end
// pose (still, with the start pose faint behind, for people who ask for reduced motion, and in
// thumbnails).
import './figures.css';
import { VIEW_BOX, figureInner, hasFigure, type FigureMode } from './svg';

export { figureSvg, figures, hasFigure } from './svg';

// size: the width in CSS pixels, or 'fill' for the width of the container (the player).
export function Figure({ id, size = 120, title, motion = 'animate' }: { id: string; size?: number | 'fill'; title?: string; motion?: Extract<FigureMode, 'animate' | 'still'> }) {
  if (!hasFigure(id)) return null;
  const fill = size === 'fill';
  return (
    <svg
      class={fill ? 'figure bb-figure figure-fill' : 'figure bb-figure'}
      viewBox={VIEW_BOX}
      width={fill ? '100%' : size}
      height={fill ? undefined : Math.round((size * 90) / 120)}
      style={fill ? { maxWidth: '36rem', height: 'auto' } : undefined}
      role={title ? 'img' : undefined}
      aria-label={title}
      aria-hidden={title ? undefined : true}
      dangerouslySetInnerHTML={{ __html: figureInner(id, motion) }}
    />
  );
}
