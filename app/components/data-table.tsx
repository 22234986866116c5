// A figures table in the house style: scrolls sideways on narrow screens, has a caption (shown
// or only for screen readers), column headers, and an optional first column of row headers.
// The charts on the dashboards come with a table of the same figures; this keeps those tables
// one shape.
import type { ReactNode } from 'react';
import { Table } from '@digdir/designsystemet-react';

export interface DataColumn<R> {
  key: string;
  header: ReactNode;
  cell: (row: R) => ReactNode;
  /** Right-aligned figures (class `num` on the header and the cells). */
  numeric?: boolean;
}

export interface DataTableProps<R> {
  caption: ReactNode;
  /** Keep the caption for screen readers only (a heading above already says it). */
  captionHidden?: boolean;
  /** The first column, rendered as a row header (`<th scope="row">`). */
  rowHeader?: DataColumn<R>;
  columns: readonly DataColumn<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  testId?: string;
  className?: string;
  /** Rows after the data rows, such as a total (`<Table.Row>` elements). */
  footer?: ReactNode;
}

export function DataTable<R>({ caption, captionHidden, rowHeader, columns, rows, rowKey, testId, className, footer }: DataTableProps<R>) {
  return (
    <div className="table-scroll">
      <Table data-size="sm" data-testid={testId} className={className}>
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <Table.Head>
          <Table.Row>
            {[...(rowHeader ? [rowHeader] : []), ...columns].map((c) => (
              <Table.HeaderCell key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={rowKey(r)}>
              {rowHeader ? <Table.HeaderCell scope="row">{rowHeader.cell(r)}</Table.HeaderCell> : null}
              {columns.map((c) => (
                <Table.Cell key={c.key} className={c.numeric ? 'num' : undefined}>
                  {c.cell(r)}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
          {footer}
        </Table.Body>
      </Table>
    </div>
  );
}
