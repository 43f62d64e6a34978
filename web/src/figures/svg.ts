// A figure as an SVG document or as the inside of an <svg>, from the catalog id (no JSX, so
// scripts and tests outside the app can draw figures too).
import { FIGURE_CSS, figureMarkup, type FigureMode } from './draw';
import { figures } from './poses';

export { FIGURE_CSS, figures, type FigureMode };

export const VIEW_BOX = '0 0 120 90';

export function hasFigure(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(figures, id);
}

// The markup inside the figure's <svg>, or '' for an id without a figure.
export function figureInner(id: string, mode: FigureMode = 'animate'): string {
  const def = hasFigure(id) ? figures[id] : undefined;
  return def ? `<g class="bb-figure-body">${figureMarkup(def, mode)}</g>` : '';
}

// A whole SVG document, styled on its own (for files and the contact sheet).
export function figureSvg(id: string, mode: FigureMode = 'animate'): string {
  const inner = figureInner(id, mode);
  if (!inner) return '';
  return `<svg xmlns="http://www.w3.org/2000/svg" class="bb-figure" viewBox="${VIEW_BOX}"><style>${FIGURE_CSS}</style>${inner}</svg>`;
}
