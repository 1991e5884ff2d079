import { Link } from 'react-router';
import type { EodBill, EodSummary } from '@common/contracts/eod';
import { ReportTable, type ReportColumn } from '@/features/bills/components/report-table';
import { billStatusText, formatKg } from '@/features/bills/utils/bill-labels';
import { formatDay } from '@/features/bills/utils/day';
import {
  creatorLabel,
  creatorRows,
  grandRow,
  statusRows,
  type LabelledTotals,
} from '@/features/bills/utils/eod-rows';
import { Card } from '@/components/ui/card';
import { paths } from '@/config/paths';
import { formatDateTime, formatNumber, formatTime } from '@/lib/format';

const signedKg = (value: number) => `${value > 0 ? '+' : ''}${formatKg(value)}`;

function totalsColumns(first: string): ReportColumn<LabelledTotals>[] {
  return [
    { label: first, render: (row) => row.label },
    { label: 'Bills', render: (row) => formatNumber(row.bills), isNumeric: true },
    { label: 'Parent bags', render: (row) => formatNumber(row.parents), isNumeric: true },
    { label: 'Child bags', render: (row) => formatNumber(row.children), isNumeric: true },
    { label: 'Actual', render: (row) => formatKg(row.actualWeightKg), isNumeric: true },
    { label: 'Expected', render: (row) => formatKg(row.expectedWeightKg), isNumeric: true },
    { label: 'Difference', render: (row) => signedKg(row.differenceKg), isNumeric: true },
  ];
}

const BILL_COLUMNS: ReportColumn<EodBill>[] = [
  {
    label: 'Bill',
    render: (bill) => (
      <Link to={paths.app.bill.getHref(bill.billNo)} className="code">
        {bill.billNo}
      </Link>
    ),
  },
  { label: 'Status', render: (bill) => billStatusText(bill.status) },
  { label: 'Created by', render: (bill) => creatorLabel(bill.creator) },
  { label: 'Created at', render: (bill) => formatTime(bill.createdAt) },
  { label: 'Parent bags', render: (bill) => formatNumber(bill.parents), isNumeric: true },
  { label: 'Child bags', render: (bill) => formatNumber(bill.children), isNumeric: true },
  { label: 'Actual', render: (bill) => formatKg(bill.actualWeightKg), isNumeric: true },
  { label: 'Expected', render: (bill) => formatKg(bill.expectedWeightKg), isNumeric: true },
];

/** The end-of-day figures of GET /api/eod: totals by status and by creator, and every bill. */
export function EodReport({ summary }: { summary: EodSummary }) {
  const day = formatDay(summary.date);
  const grand = grandRow(summary);
  return (
    <Card title={`End of day: ${day}`}>
      <p className="muted">
        Bills created on {day} ({summary.timeZone}), as of {formatDateTime(summary.generatedAt)}.
      </p>
      {summary.bills.length === 0 ? (
        <p className="empty-state">No bills were created on {day}.</p>
      ) : (
        <>
          <ReportTable
            caption="Totals by status"
            columns={totalsColumns('Status')}
            rows={statusRows(summary)}
            rowKey={(row) => row.key}
            footer={grand}
          />
          <ReportTable
            caption="Totals by creator"
            columns={totalsColumns('Created by')}
            rows={creatorRows(summary)}
            rowKey={(row) => row.key}
            footer={grand}
          />
          <ReportTable
            caption={`Bills (${summary.bills.length})`}
            columns={BILL_COLUMNS}
            rows={summary.bills}
            rowKey={(bill) => bill.billNo}
          />
        </>
      )}
    </Card>
  );
}
