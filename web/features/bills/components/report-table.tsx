import type { ReactNode } from 'react';
import './report-table.css';

export interface ReportColumn<Row> {
  label: string;
  render: (row: Row) => ReactNode;
  /** Right-aligned figures. */
  isNumeric?: boolean;
}

export interface ReportTableProps<Row> {
  caption: string;
  columns: readonly ReportColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** A last row of sums (rendered with the same columns). */
  footer?: Row;
}

function Cells<Row>({ columns, row }: { columns: readonly ReportColumn<Row>[]; row: Row }) {
  return columns.map((column, index) =>
    index === 0 ? (
      <th key={column.label} scope="row" data-label={column.label}>
        {column.render(row)}
      </th>
    ) : (
      <td
        key={column.label}
        data-label={column.label}
        className={column.isNumeric ? 'report-table__number' : undefined}
      >
        {column.render(row)}
      </td>
    ),
  );
}

/**
 * A table of figures. Wide screens get rows and columns; phones get one card per row, each value
 * labelled by its column (no sideways scrolling at 360 px).
 */
export function ReportTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  footer,
}: ReportTableProps<Row>) {
  return (
    <table className="report-table">
      <caption className="report-table__caption">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th
              key={column.label}
              scope="col"
              className={column.isNumeric ? 'report-table__number' : undefined}
            >
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            <Cells columns={columns} row={row} />
          </tr>
        ))}
      </tbody>
      {footer ? (
        <tfoot>
          <tr>
            <Cells columns={columns} row={footer} />
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
