import type { Bill } from '@common/contracts/bills';
import { billStatusText, billStatusTone, formatKg } from '@/features/bills/utils/bill-labels';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/lib/format';
import './bills.css';

/** The bill's figures: parents n / capacity with a progress bar, children, weights, fill. */
export function BillHeader({ bill }: { bill: Bill }) {
  const fill = Math.min(100, Math.max(0, bill.fillPercent));
  const sign = bill.differenceKg > 0 ? '+' : '';
  return (
    <Card
      title={
        <>
          Bill <span className="code">{bill.billNo}</span>
        </>
      }
      actions={
        <span data-testid="bill-status">
          <Badge tone={billStatusTone(bill.status)}>{billStatusText(bill.status)}</Badge>
        </span>
      }
    >
      <div className="bill-progress">
        <p className="bill-progress__count" data-testid="bill-count">
          <strong>{bill.parentCount}</strong> / {bill.capacity} parent bags
        </p>
        <progress
          className="bill-progress__bar"
          max={bill.capacity}
          value={bill.parentCount}
          aria-label="Parent bags attached"
        />
      </div>
      <dl className="facts">
        <div>
          <dt>Child bags</dt>
          <dd>{bill.childCount}</dd>
        </div>
        <div>
          <dt>Actual weight</dt>
          <dd>{formatKg(bill.actualWeightKg)}</dd>
        </div>
        <div>
          <dt>Expected weight</dt>
          <dd>{formatKg(bill.expectedWeightKg)}</dd>
        </div>
        <div>
          <dt>Difference</dt>
          <dd>
            {sign}
            {formatKg(bill.differenceKg)}
          </dd>
        </div>
        <div>
          <dt>Fill</dt>
          <dd>{Math.round(fill)} %</dd>
        </div>
        {bill.destination ? (
          <div>
            <dt>Destination</dt>
            <dd>{bill.destination}</dd>
          </div>
        ) : null}
        {bill.vehicleNumber ? (
          <div>
            <dt>Vehicle</dt>
            <dd>{bill.vehicleNumber}</dd>
          </div>
        ) : null}
        <div>
          <dt>Created</dt>
          <dd>
            {formatDateTime(bill.createdAt)}
            {bill.createdBy ? ` by ${bill.createdBy.username}` : ''}
          </dd>
        </div>
      </dl>
      {bill.description ? <p className="muted">{bill.description}</p> : null}
      {bill.completionReason ? (
        <p className="muted">Completion note: {bill.completionReason}</p>
      ) : null}
    </Card>
  );
}
