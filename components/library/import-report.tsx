'use client';
// The import report over the canvas after recorded runs were imported: what was read, which fields were inferred
// and from what, the edges drawn on evidence and the turn-order pairs that were not. Plain text only, never HTML.
import { summaryLine, type ImportReport } from '@/lib/import/report';
import { useAppStore } from '@/lib/store/provider';
import { selectImportReportOnView, selectShowImportReport } from '@/lib/store/selectors';

function Pairs({ report }: { report: ImportReport }) {
  const count = report.undrawn.length + report.undrawnOmitted;
  if (count === 0) return null;
  return (
    <details className="tw-import-report__part">
      <summary>Turn-order pairs not drawn ({count})</summary>
      <p className="tw-import-report__hint">
        The run issued the second call after the first one’s result came in, but no argument shows it used that result, so the plan does not
        make it wait.
      </p>
      <ul className="tw-import-report__list">
        {report.undrawn.map((p) => (
          <li key={`${p.from}>${p.to}`}>
            <code>{p.from}</code> (turn {p.fromTurn}) → <code>{p.to}</code> (turn {p.toTurn})
          </li>
        ))}
        {report.undrawnOmitted > 0 && <li>…and {report.undrawnOmitted} more</li>}
      </ul>
    </details>
  );
}

/** Loaded and shown only while there is a report on view (file-drop-zone.tsx decides). */
export function ImportReportPanel() {
  const shown = useAppStore(selectImportReportOnView);
  const show = useAppStore(selectShowImportReport);
  if (shown === null) return null;
  const r = shown.report;
  const pairs = r.undrawn.length + r.undrawnOmitted;
  return (
    <section className="tw-import-report" aria-label="Import report">
      <div className="tw-import-report__head">
        <p className="tw-import-report__summary">
          <strong>{summaryLine(r)}</strong>{' '}
          <span className="tw-import-report__more">
            {r.drawn.length === 0 ? 'No edge drawn' : `${r.drawn.length} edge${r.drawn.length === 1 ? '' : 's'} drawn on evidence`}
            {pairs > 0 ? `; ${pairs} turn-order pair${pairs === 1 ? '' : 's'} not drawn.` : '.'}
          </span>
        </p>
        <button type="button" className="tw-button tw-button--small tw-button--quiet" onClick={() => show(null)}>
          Close report
        </button>
      </div>
      <div className="tw-import-report__body">
        <details className="tw-import-report__part">
          <summary>Inferred fields, and from what ({r.inferred.length})</summary>
          <dl className="tw-import-report__fields">
            {r.inferred.map((f) => (
              <div key={f.field} className="tw-import-report__field">
                <dt>
                  <code>{f.field}</code>
                </dt>
                <dd>{f.from}</dd>
              </div>
            ))}
          </dl>
        </details>
        {r.drawn.length > 0 && (
          <details className="tw-import-report__part">
            <summary>Edges drawn ({r.drawn.length})</summary>
            <ul className="tw-import-report__list">
              {r.drawn.map((e) => (
                <li key={`${e.from}>${e.to}`}>
                  <code>{e.from}</code> → <code>{e.to}</code>: {e.evidence}
                </li>
              ))}
            </ul>
          </details>
        )}
        <Pairs report={r} />
        {r.notes.length > 0 && (
          <details className="tw-import-report__part">
            <summary>Notes ({r.notes.length})</summary>
            <ul className="tw-import-report__list">
              {r.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </section>
  );
}
