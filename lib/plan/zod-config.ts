// zod/mini sets no error messages of its own: the English locale gives every schema the same messages as full zod
// (parse.ts and the importers read and rephrase them). And no JIT: zod would build parsers with `new Function`, which
// the page's Content-Security-Policy refuses (no 'unsafe-eval'), and even its probe for eval is reported as a violation.
// Imported first by every module that builds a schema, so it runs before any schema is made or parsed.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config({ ...en(), jitless: true });
