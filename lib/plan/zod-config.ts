// zod without its JIT: it would build parsers with `new Function`, which the page's Content-Security-Policy refuses
// (no 'unsafe-eval'), and even its probe for eval is reported as a violation. Imported first by schema.ts, so it
// runs before any schema is made; parsing a plan is no slower without it.
import { z } from 'zod';

z.config({ jitless: true });
