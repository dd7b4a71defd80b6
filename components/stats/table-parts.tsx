// Cells the statistics tables share: a call's id as a row heading, and the headings of number columns.

/** A row's heading: the call's id (cut short by the table's CSS, whole on hover). */
export function CallIdCell({ id }: { id: string }) {
  return (
    <th scope="row" className="tw-calls__id" title={id}>
      {id}
    </th>
  );
}

/** Column headings over numbers (right-aligned like them); `title` gives a short heading its full name. */
export function NumHeadings({ columns }: { columns: readonly { label: string; title?: string }[] }) {
  return columns.map((c) => (
    <th key={c.label} scope="col" className="tw-num" title={c.title}>
      {c.label}
    </th>
  ));
}
