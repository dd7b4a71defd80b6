// Saved charts: computed colours inlined (never a CSS variable), text escaped, a background and a title.
import { describe, expect, it } from 'vitest';
import { escapeXml, styleText, svgFile, TITLE_HEIGHT } from './chart-export';

describe('styleText', () => {
  it('writes computed values, leaving out empty ones and any that still name a variable', () => {
    const computed: Record<string, string> = {
      fill: 'rgb(3, 105, 161)',
      stroke: 'none',
      'stroke-width': '1px',
      opacity: '',
      'font-size': '11px',
      'stroke-dasharray': 'var(--x)',
    };
    expect(styleText((p) => computed[p] ?? '')).toBe('fill:rgb(3, 105, 161);stroke:none;stroke-width:1px;font-size:11px');
  });

  it('cannot be broken out of', () => {
    expect(styleText((p) => (p === 'font-family' ? 'a";<script>' : ''))).toBe('font-family:ascript');
  });
});

describe('svgFile', () => {
  it('is a standalone document: namespace, size with room for the title, background, escaped title', () => {
    const f = svgFile({
      width: 340.4,
      height: 200,
      body: '<rect width="5" height="5"/>',
      background: '#111a2c',
      title: 'Makespan <A & B>',
      color: '#e5e9f0',
      font: 'system-ui',
    });
    expect(f.width).toBe(341);
    expect(f.height).toBe(200 + TITLE_HEIGHT);
    expect(f.text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(f.text).toContain('fill="#111a2c"');
    expect(f.text).toContain('Makespan &lt;A &amp; B&gt;');
    expect(f.text).toContain(`translate(0 ${TITLE_HEIGHT})`);
    expect(f.text).not.toContain('var(');
  });

  it('escapes XML', () => {
    expect(escapeXml('"<&>"')).toBe('&quot;&lt;&amp;&gt;&quot;');
  });
});
