import { summaryPrintHref } from '@/features/bills/api/get-eod';
import { formatDay, isDay } from '@/features/bills/utils/day';
import { Card } from '@/components/ui/card';
import { TextField } from '@/components/ui/text-field';

export interface SummaryPickerProps {
  /** `YYYY-MM-DD`, or what the person typed. */
  day: string;
  /** The latest day that makes sense (today), when known. */
  maxDay?: string;
  onDayChange: (day: string) => void;
  /** Billers: the print shows their own bills only. */
  isOwnBillsOnly: boolean;
}

/** Pick a day, then open its summary as a print page or a PDF (both made by the server). */
export function SummaryPicker({ day, maxDay, onDayChange, isOwnBillsOnly }: SummaryPickerProps) {
  const isValid = isDay(day);
  return (
    <Card title="Print a day’s bills">
      <TextField
        label="Day"
        type="date"
        value={day}
        max={maxDay}
        required
        error={isValid ? null : 'Choose a day.'}
        hint={
          isOwnBillsOnly
            ? 'The summary lists the bills you created that day.'
            : 'The summary lists every bill created that day.'
        }
        onChange={(event) => onDayChange(event.target.value)}
      />
      {isValid ? (
        <div className="row">
          <a
            className="btn btn--primary btn--md"
            href={summaryPrintHref(day)}
            target="_blank"
            rel="noopener"
          >
            Open print view
          </a>
          <a
            className="btn btn--secondary btn--md"
            href={summaryPrintHref(day, 'pdf')}
            target="_blank"
            rel="noopener"
          >
            Download PDF
          </a>
        </div>
      ) : null}
      {isValid ? (
        <p className="muted">
          Print view and PDF of {formatDay(day)} open in a new tab, ready to print.
        </p>
      ) : null}
    </Card>
  );
}
