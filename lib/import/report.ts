// The import report: what was read, which plan fields were inferred and from what, which edges were drawn on what
// evidence, and which turn-order pairs were not drawn. Plain data and plain text lines; never HTML.
import { FORMAT_NAMES, type FormatId } from './run';

export interface InferredField {
  /** `calls[*].latency`, `settings.modelTurnMs`, … */
  field: string;
  /** From what, in words. */
  from: string;
}

export interface DrawnEdge {
  from: string;
  to: string;
  evidence: string;
}

/** Two calls of consecutive turns with no edge drawn: the run issued `to` after `from`'s result, nothing shows it used it. */
export interface TurnPair {
  from: string;
  to: string;
  /** 1-based, as the UI numbers turns. */
  fromTurn: number;
  toTurn: number;
}

export interface ImportReport {
  formats: FormatId[];
  files: string[];
  runs: number;
  calls: number;
  inferred: InferredField[];
  drawn: DrawnEdge[];
  undrawn: TurnPair[];
  /** Turn-order pairs left out of `undrawn` to keep it short. */
  undrawnOmitted: number;
  notes: string[];
}

/** Most turn-order pairs listed one by one. */
export const MAX_LISTED_PAIRS = 200;

export function summaryLine(r: ImportReport): string {
  const formats = r.formats.map((f) => FORMAT_NAMES[f]).join(', ');
  const runs = r.runs === 1 ? '1 run' : `${r.runs} runs`;
  const files = r.files.length === 1 ? r.files[0] : `${r.files.length} files`;
  return `Imported ${r.calls} call${r.calls === 1 ? '' : 's'} from ${runs} (${formats}, ${files}).`;
}

/** The report as plain lines of text (the CLI prints them; the UI shows the same facts). */
export function reportLines(r: ImportReport): string[] {
  const out = [summaryLine(r), '', 'Inferred:'];
  for (const f of r.inferred) out.push(`  ${f.field}: ${f.from}`);
  out.push(
    '',
    r.drawn.length === 0
      ? 'Edges drawn: none (no call shows a value from an earlier result in its arguments).'
      : 'Edges drawn (a value from the upstream’s result in the arguments):',
  );
  for (const e of r.drawn) out.push(`  ${e.from} → ${e.to}: ${e.evidence}`);
  const pairs = r.undrawn.length + r.undrawnOmitted;
  if (pairs > 0) {
    out.push(
      '',
      `Turn-order pairs not drawn (${pairs}): the run issued the second after the first’s result, but no argument shows it used it:`,
    );
    for (const p of r.undrawn) out.push(`  ${p.from} (turn ${p.fromTurn}) → ${p.to} (turn ${p.toTurn})`);
    if (r.undrawnOmitted > 0) out.push(`  …and ${r.undrawnOmitted} more`);
  }
  if (r.notes.length > 0) {
    out.push('', 'Notes:');
    for (const n of r.notes) out.push(`  ${n}`);
  }
  return out;
}
