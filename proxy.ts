// Sets the Content-Security-Policy on every page the server answers. The page is prerendered, so its inline
// bootstrap scripts are fixed at build time: their hashes, read once from the built HTML, are the only inline code
// the policy lets run (no nonce, no 'unsafe-inline', no 'unsafe-eval'). It never rewrites or blocks a request.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { NextResponse } from 'next/server';
import { contentSecurityPolicy, inlineScripts } from './lib/security/csp';

const dev = process.env.NODE_ENV === 'development';
let cached: string | null = null;

/** Every prerendered HTML file of the build (the page, the not-found and error pages). */
function builtPages(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...builtPages(full));
    else if (entry.name.endsWith('.html')) out.push(full);
  }
  return out;
}

function scriptHashes(): string[] {
  const dir = path.join(process.cwd(), process.env.TW_DIST_DIR || '.next', 'server', 'app');
  const hashes = new Set<string>();
  try {
    for (const file of builtPages(dir)) {
      for (const script of inlineScripts(readFileSync(file, 'utf8')))
        hashes.add(createHash('sha256').update(script, 'utf8').digest('base64'));
    }
  } catch (err) {
    // Fails closed: without the hashes no inline script runs, and the server says why.
    console.error(`Content-Security-Policy: the built pages could not be read (${err instanceof Error ? err.message : String(err)})`);
  }
  return [...hashes].sort();
}

function policy(): string {
  if (dev) return contentSecurityPolicy({ scriptHashes: [], dev: true });
  cached ??= contentSecurityPolicy({ scriptHashes: scriptHashes() });
  return cached;
}

export function proxy() {
  const response = NextResponse.next();
  response.headers.set('Content-Security-Policy', policy());
  return response;
}

export const config = {
  // Pages and the files the page fetches; the bundler's static chunks carry no HTML and are left alone.
  matcher: ['/((?!_next/static|_next/image).*)'],
};
