// Serves the plan file's JSON Schema at /plan.schema.json, generated from the zod schema at build time.
import { planJsonSchema } from '@/lib/plan/jsonSchema';

export const dynamic = 'force-static';

export function GET(): Response {
  return new Response(`${JSON.stringify(planJsonSchema(), null, 2)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
