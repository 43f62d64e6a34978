// <Figure id="cat_cow" />: the line drawing of a catalog item, in the app's one figure style.
import { poseMarkup } from './body';
import { poses } from './poses';

export { poses };

export function hasFigure(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(poses, id);
}

const DEFS =
  '<defs><marker id="bb-arrowhead" viewBox="0 0 6 6" refX="3" refY="3" markerWidth="4" markerHeight="4" orient="auto-start-reverse">' +
  '<path d="M0 0L6 3L0 6z" fill="currentColor"/></marker></defs>';

// The whole SVG document of a figure (also used to export the drawings as files).
export function figureSvg(id: string): string {
  const pose = poses[id];
  if (!pose) return '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 90">${DEFS}<g class="bb-fig">${poseMarkup(pose)}</g></svg>`;
}

export function Figure({ id, size = 120, title }: { id: string; size?: number; title?: string }) {
  const pose = poses[id];
  if (!pose) return null;
  return (
    <svg
      class="figure"
      viewBox="0 0 120 90"
      width={size}
      height={Math.round((size * 90) / 120)}
      role={title ? 'img' : undefined}
      aria-label={title}
      aria-hidden={title ? undefined : true}
      dangerouslySetInnerHTML={{ __html: DEFS + `<g class="bb-fig">${poseMarkup(pose)}</g>` }}
    />
  );
}
