// The page's Content-Security-Policy, as data: which sources each directive allows, and the inline scripts of a
// prerendered page (whose hashes are the only inline code allowed to run). Pure: no file system, no request.

/** The contents of every inline `<script>` of an HTML page (scripts with a `src` are not inline), in page order. */
export function inlineScripts(html: string): string[] {
  const out: string[] = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (let m = re.exec(html); m !== null; m = re.exec(html)) {
    if (/\ssrc\s*=/i.test(` ${m[1]}`)) continue;
    if (m[2].length > 0) out.push(m[2]);
  }
  return out;
}

export interface PolicyOptions {
  /** `sha256-…` sources (base64, without quotes) of the inline scripts the page may run. */
  scriptHashes: readonly string[];
  /** `next dev`: its inline scripts change on every request, and React's dev build evaluates strings. */
  dev?: boolean;
}

/**
 * The policy, one directive per entry. In production, scripts come from this origin or are one of the hashed
 * inline scripts the prerendered page carries (nothing is evaluated from strings); the Monte Carlo and import
 * workers are bundled files on this origin; images are this origin's or `data:` URLs (a chart drawn to a PNG goes
 * through one); style attributes are allowed (the canvas is positioned with them, in the prerendered page too),
 * style sheets only from this origin; nothing may frame the page, and no plugin, base URL or foreign form target.
 */
export function policyDirectives(opts: PolicyOptions): [string, string[]][] {
  const scripts = opts.dev ? ["'self'", "'unsafe-inline'", "'unsafe-eval'"] : ["'self'", ...opts.scriptHashes.map((h) => `'sha256-${h}'`)];
  return [
    ['default-src', ["'self'"]],
    ['script-src', scripts],
    ['style-src', opts.dev ? ["'self'", "'unsafe-inline'"] : ["'self'"]],
    ['style-src-attr', ["'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    // The dev server's hot reload talks over a WebSocket to this host.
    ['connect-src', opts.dev ? ["'self'", 'ws:'] : ["'self'"]],
    ['worker-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
}

/** The policy as the header's value. */
export function contentSecurityPolicy(opts: PolicyOptions): string {
  return policyDirectives(opts)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
