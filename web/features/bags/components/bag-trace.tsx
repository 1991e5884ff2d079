import { useBag } from '@/features/bags/api/get-bag';
import { useBagHistory, useBagSnapshot } from '@/features/bags/api/get-bag-history';
import { AsOfPicker } from '@/features/bags/components/as-of-picker';
import { BagRelations } from '@/features/bags/components/bag-relations';
import { BagSnapshotView } from '@/features/bags/components/bag-snapshot';
import { BagSummary } from '@/features/bags/components/bag-summary';
import { BagTimeline } from '@/features/bags/components/bag-timeline';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-client';
import { friendlyErrorMessage } from '@/lib/error-messages';
import './bags.css';

export interface BagTraceProps {
  code: string;
  at: string | null;
  onAtChange: (at: string | null) => void;
}

function lookupErrorText(error: unknown, code: string): string {
  if (!isApiError(error)) {
    return friendlyErrorMessage(error);
  }
  switch (error.code) {
    case 'BAG_NOT_FOUND':
      return `No bag has the code ${code}. It was never scanned or imported.`;
    case 'AREA_FORBIDDEN':
      return `${code} belongs to another dispatch area.`;
    case 'QR_INVALID':
    case 'QR_INVALID_PARENT':
      return error.message;
    default:
      return friendlyErrorMessage(error);
  }
}

/** A code's whole story (SPEC §8 "Trace"): what it is, where it is, and everything that happened. */
export function BagTrace({ code, at, onAtChange }: BagTraceProps) {
  const bag = useBag(code);
  const history = useBagHistory(code);
  const snapshot = useBagSnapshot(code, at);
  if (bag.isPending) {
    return <Spinner size="lg" label={`Looking up ${code}…`} />;
  }
  if (bag.isError) {
    const isMissing = isApiError(bag.error) && bag.error.code === 'BAG_NOT_FOUND';
    return (
      <Banner
        tone={isMissing ? 'warning' : 'error'}
        title={isMissing ? 'Not found' : 'Could not look it up'}
        action={
          isMissing ? null : (
            <Button variant="secondary" onClick={() => void bag.refetch()}>
              Try again
            </Button>
          )
        }
      >
        {lookupErrorText(bag.error, code)}
      </Banner>
    );
  }
  return (
    <div className="trace">
      <BagSummary detail={bag.data} />
      <AsOfPicker key={code} at={at} onChange={onAtChange} />
      {at ? (
        <BagSnapshotView
          snapshot={snapshot.data}
          isPending={snapshot.isPending}
          error={snapshot.error}
        />
      ) : (
        <BagRelations detail={bag.data} />
      )}
      {history.data ? (
        <BagTimeline history={history.data} until={at} />
      ) : history.isError ? (
        <Banner tone="error">{friendlyErrorMessage(history.error)}</Banner>
      ) : (
        <Spinner label="Loading the history…" />
      )}
    </div>
  );
}
