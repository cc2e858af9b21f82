import type { ReactNode } from 'react';

export interface Column<Row> {
  readonly key: string;
  readonly label: string;
  readonly value: (row: Row) => ReactNode;
  /** Numbers are right-aligned. */
  readonly numeric?: boolean;
}

/** The numbers behind a chart (or a breakdown), as a plain table that scrolls sideways. */
export function ReportTable<Row>(props: {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  testId: string;
  /** The totals: `label` names the row ("Total"), not the first column's format of a key. */
  footer?: { readonly label: string; readonly row: Row };
}) {
  const { columns } = props;
  const cells = (row: Row, label?: string) =>
    columns.map((c, i) =>
      i === 0 ? (
        <th key={c.key} scope="row">
          {label ?? c.value(row)}
        </th>
      ) : (
        <td key={c.key} className={c.numeric ? 'manager-table__num' : undefined} data-col={c.key}>
          {c.value(row)}
        </td>
      ),
    );
  return (
    <div className="manager-table" role="region" aria-label={props.caption} tabIndex={0}>
      <table data-testid={props.testId}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'manager-table__num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)} data-key={props.rowKey(row)}>
              {cells(row)}
            </tr>
          ))}
        </tbody>
        {props.footer && (
          <tfoot>
            <tr data-key="total">{cells(props.footer.row, props.footer.label)}</tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
