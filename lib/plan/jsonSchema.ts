// The plan file's JSON Schema, generated from the zod schema (never written by hand), for editors and other tools.
// Graph rules (unique ids, acyclic, resolvable edges) and cross-field bounds cannot be said in JSON Schema: parsePlan is the real check.
import * as z from 'zod/mini';
import { planSchema } from './schema';

/** Where the schema is served; also its `$id`. */
export const PLAN_SCHEMA_PATH = '/plan.schema.json';

/** The plan file format as JSON Schema (draft 2020-12), describing what a file may contain (defaults optional). */
export function planJsonSchema(): z.core.JSONSchema.JSONSchema {
  const generated = z.toJSONSchema(planSchema, { io: 'input', unrepresentable: 'any' });
  return {
    $schema: generated.$schema,
    $id: PLAN_SCHEMA_PATH,
    title: 'Toolwave plan (format "toolwave.plan", version 1)',
    description:
      'A tool plan: calls, the dependencies between them, failure policies and injected faults. ' +
      'Ids must be unique, edges must name existing calls and the graph must be acyclic; those rules are checked by Toolwave, not by this schema.',
    ...generated,
  };
}
