// Saving a chart as a file. The chart on the page takes its colours from CSS variables and stylesheets, which do not
// travel with an SVG file: each element's computed presentation is written onto a copy as an inline style, on a
// background of the page's surface colour, under a title. PNG is that SVG drawn at 2× to a canvas.

/** The presentation properties a chart's look depends on (what the stylesheet or a var() may have set). */
export const INLINE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/**
 * An inline style from computed values: `fill:rgb(3, 105, 161);stroke:none`. Empty values are left out, and so are
 * any still naming a CSS variable (nothing outside the page can resolve it).
 */
export function styleText(get: (property: string) => string): string {
  const parts: string[] = [];
  for (const p of INLINE_PROPERTIES) {
    const v = get(p).trim();
    if (v === '' || v.includes('var(')) continue;
    parts.push(`${p}:${v.replace(/[;"<>]/g, '')}`);
  }
  return parts.join(';');
}

/** Text for XML content or an attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface SvgFileOptions {
  /** The chart's own size, px. */
  width: number;
  height: number;
  /** The chart's markup (its children, styles inlined). */
  body: string;
  background: string;
  title: string;
  /** The title's colour and font. */
  color: string;
  font: string;
}

/** Room above the chart for its title, px. */
export const TITLE_HEIGHT = 28;

/** A standalone SVG document: background, title, then the chart moved down under it. */
export function svgFile(o: SvgFileOptions): { text: string; width: number; height: number } {
  const width = Math.ceil(o.width);
  const height = Math.ceil(o.height) + TITLE_HEIGHT;
  const font = escapeXml(o.font);
  const text = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${escapeXml(o.background)}"/>`,
    `<text x="12" y="19" fill="${escapeXml(o.color)}" style="font-family:${font};font-size:13px;font-weight:600">${escapeXml(o.title)}</text>`,
    `<g transform="translate(0 ${TITLE_HEIGHT})">${o.body}</g>`,
    '</svg>',
    '',
  ].join('\n');
  return { text, width, height };
}

/** Copies the chart's SVG with every element's computed presentation inlined, and wraps it as a file. */
export function serializeChart(svg: SVGSVGElement, title: string): { text: string; width: number; height: number } {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((el, i) => {
    const c = copies[i];
    if (c === undefined) return;
    const computed = getComputedStyle(el);
    const style = styleText((p) => computed.getPropertyValue(p));
    if (style !== '') c.setAttribute('style', style);
    else c.removeAttribute('style');
    // Attributes naming a variable (fill="var(--tw-accent)") mean nothing in a file: the inline style decides.
    for (const attr of [...c.attributes]) if (attr.value.includes('var(')) c.removeAttribute(attr.name);
    c.removeAttribute('class');
  });
  const box = svg.getBoundingClientRect();
  const serializer = new XMLSerializer();
  const body = [...copy.childNodes].map((n) => serializer.serializeToString(n)).join('');
  const page = getComputedStyle(svg.closest('.tw-stats') ?? document.body);
  const css = (name: string, fallback: string) => page.getPropertyValue(name).trim() || fallback;
  return svgFile({
    width: box.width,
    height: box.height,
    body,
    background: css('--tw-surface', '#ffffff'),
    title,
    color: css('--tw-text', '#0f172a'),
    font: page.fontFamily || 'sans-serif',
  });
}

/** The SVG file drawn on a canvas at `scale`× as a PNG. */
export function svgToPng(svg: { text: string; width: number; height: number }, scale = 2): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(svg.width * scale);
      canvas.height = Math.round(svg.height * scale);
      const ctx = canvas.getContext('2d');
      if (ctx === null) {
        reject(new Error('no 2D canvas'));
        return;
      }
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, svg.width, svg.height);
      canvas.toBlob((blob) => (blob === null ? reject(new Error('the PNG could not be made')) : resolve(blob)), 'image/png');
    };
    img.onerror = () => reject(new Error('the chart could not be drawn'));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`;
  });
}
