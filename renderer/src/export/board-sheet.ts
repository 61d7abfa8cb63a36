import { chartTheme, type ChartTheme, type ThemeMode } from '../../../shared/charts/theme.js';
import { chartsWithin, handlePng } from './chart-registry.js';

const TEXT_SELECTOR = 'h2, h3, th, td, dt, dd, figcaption, .chips span, .banner, .placeholder p';
const SCALE = 2;

/** Inside a closed <details>, only its summary shows. */
const folded = (el: Element) => !!el.parentElement?.matches('details:not([open])') && el.tagName !== 'SUMMARY';

/** Text a sighted user sees: screen-reader-only spans and folded details left out. */
function visibleText(el: Element): string {
  let text = '';
  for (const node of el.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? '';
    else if (node instanceof Element && !node.classList.contains('visually-hidden') && !folded(node))
      text += visibleText(node);
  }
  return text.replace(/\s+/g, ' ').trim();
}

async function bitmap(bytes: Uint8Array): Promise<ImageBitmap> {
  return createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
}

/** Where an element sits on the sheet, in sheet pixels before the 2× scale. */
type Place = (el: Element) => { x: number; y: number; w: number; h: number };

/**
 * The whole comparison as one PNG figure sheet: every card's frame, its text
 * (titles, tables, captions) and each chart re-rendered at 2× where it sits on
 * screen. Built from the live layout so the sheet matches what the user sees.
 */
export async function renderBoardSheet(root: HTMLElement, mode: ThemeMode, print: boolean): Promise<Uint8Array> {
  const theme = chartTheme(mode, print);
  const origin = root.getBoundingClientRect();
  const pad = 24;
  const width = Math.ceil(root.scrollWidth) + pad * 2;
  const height = Math.ceil(root.scrollHeight) + pad * 2 + 28;
  const canvas = document.createElement('canvas');
  canvas.width = width * SCALE;
  canvas.height = height * SCALE;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2D canvas');
  g.scale(SCALE, SCALE);
  // Page a shade off the cards, as on screen; charts carry the card colour as their background.
  g.fillStyle = print ? '#ffffff' : theme.mode === 'dark' ? '#0e1014' : '#f3f4f7';
  g.fillRect(0, 0, width, height);
  g.fillStyle = theme.muted;
  g.font = `600 12px ${theme.font}`;
  g.fillText(`RNN Lab · ${new Date().toISOString().slice(0, 10)}`, pad, pad + 4);
  const at: Place = (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left - origin.left + pad, y: r.top - origin.top + pad + 20, w: r.width, h: r.height };
  };
  drawCards(g, root, at, theme);
  drawTexts(g, root, at, print);
  g.textAlign = 'left';
  await drawCharts(g, root, at, mode, print);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the sheet could not be encoded');
  return new Uint8Array(await blob.arrayBuffer());
}

/** Each card's frame, then the run colour's stripe along the top of each run's column head. */
function drawCards(g: CanvasRenderingContext2D, root: HTMLElement, at: Place, theme: ChartTheme): void {
  const cardFill = theme.background;
  for (const card of root.querySelectorAll('.card')) {
    const b = at(card);
    g.fillStyle = cardFill;
    g.strokeStyle = theme.gridLine;
    g.beginPath();
    g.roundRect(b.x, b.y, b.w, b.h, 8);
    g.fill();
    g.stroke();
  }
  for (const column of root.querySelectorAll<HTMLElement>('.column')) {
    const head = column.querySelector('.head');
    const run = getComputedStyle(column).getPropertyValue('--run').trim();
    if (head && run) {
      const b = at(head);
      g.fillStyle = run;
      g.fillRect(b.x, b.y, b.w, 3);
    }
  }
}

/** Every innermost text element in its own font, colour and alignment. */
function drawTexts(g: CanvasRenderingContext2D, root: HTMLElement, at: Place, print: boolean): void {
  for (const el of root.querySelectorAll<HTMLElement>(TEXT_SELECTOR)) {
    if (el.querySelector(TEXT_SELECTOR) || el.closest('.visually-hidden')) continue;
    const text = visibleText(el);
    if (!text) continue;
    const style = getComputedStyle(el);
    const b = at(el);
    g.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    g.fillStyle = print ? (el.matches('h2, td, dd') ? '#1d2330' : '#5b6475') : style.color;
    g.textBaseline = 'middle';
    const right = style.textAlign === 'right' || style.textAlign === 'end';
    const center = style.textAlign === 'center';
    g.textAlign = right ? 'right' : center ? 'center' : 'left';
    const x = right
      ? b.x + b.w - parseFloat(style.paddingRight)
      : center
        ? b.x + b.w / 2
        : b.x + parseFloat(style.paddingLeft);
    // Clip to the element, as the page's ellipsis does, instead of squeezing the text.
    g.save();
    g.beginPath();
    g.rect(b.x, b.y, b.w, b.h);
    g.clip();
    g.fillText(text, x, b.y + b.h / 2);
    g.restore();
  }
}

/** Each chart re-rendered at the sheet's scale, over its place on the page. */
async function drawCharts(
  g: CanvasRenderingContext2D,
  root: HTMLElement,
  at: Place,
  mode: ThemeMode,
  print: boolean,
): Promise<void> {
  for (const handle of chartsWithin(root)) {
    const png = handlePng(handle, mode, print);
    if (!png) continue;
    const b = at(handle.element);
    g.drawImage(await bitmap(png), b.x, b.y, b.w, b.h);
  }
}
