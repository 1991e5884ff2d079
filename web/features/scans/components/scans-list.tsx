import { Link } from 'react-router';
import type { Scan } from '@common/contracts/bags';
import { areaDisplayName } from '@common/areas';
import { useScans, type ScanFilters } from '@/features/scans/api/get-scans';
import { scanKindLabel, scanTargetText } from '@/features/scans/utils/scan-labels';
import { Badge } from '@/components/ui/badge';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { ListFooter } from '@/components/ui/list-footer';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { friendlyErrorMessage } from '@/lib/error-messages';
import { formatDateTime } from '@/lib/format';

function ScanRow({ scan }: { scan: Scan }) {
  return (
    <li className="data-row">
      <div className="data-row__head">
        <Link to={paths.app.lookup.getHref(scan.qr)} className="data-row__title code">
          {scan.qr}
        </Link>
        <Badge tone={scan.kind === 'parent' ? 'accent' : 'primary'}>
          {scanKindLabel(scan.kind)}
        </Badge>
        {scan.duplicate ? <Badge tone="muted">Repeat</Badge> : null}
        {scan.created ? <Badge tone="neutral">New bag</Badge> : null}
      </div>
      <dl className="data-row__meta">
        {scan.target ? (
          <div>
            <dt>Where</dt>
            <dd>{scanTargetText(scan)}</dd>
          </div>
        ) : null}
        <div>
          <dt>When</dt>
          <dd>
            <time dateTime={scan.at}>{formatDateTime(scan.at)}</time>
          </dd>
        </div>
        <div>
          <dt>Who</dt>
          <dd>{scan.user ?? 'Unknown'}</dd>
        </div>
        <div>
          <dt>Station</dt>
          <dd>{scan.station ?? 'None'}</dd>
        </div>
        <div>
          <dt>Area</dt>
          <dd>{scan.dispatchArea ? areaDisplayName(scan.dispatchArea) : 'None'}</dd>
        </div>
      </dl>
    </li>
  );
}

/** Recorded scans matching the filters, newest first, loading more as the list scrolls. */
export function ScansList({ filters }: { filters: ScanFilters }) {
  const query = useScans(filters);
  const scans = query.data?.pages.flatMap((page) => page.items);
  if (!scans) {
    return query.isPending ? (
      <Spinner size="lg" label="Loading scans…" />
    ) : (
      <Banner
        tone="error"
        title="Could not load the scans"
        action={
          <Button variant="secondary" onClick={() => void query.refetch()}>
            Try again
          </Button>
        }
      >
        {friendlyErrorMessage(query.error)}
      </Banner>
    );
  }
  if (scans.length === 0) {
    return <p className="empty-state">No scans match these filters.</p>;
  }
  return (
    <div className="stack">
      <ul className="data-list" aria-label="Scans">
        {scans.map((scan) => (
          <ScanRow key={scan.id} scan={scan} />
        ))}
      </ul>
      <ListFooter
        count={scans.length}
        noun="scan"
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        isFetchNextPageError={query.isFetchNextPageError}
        error={query.error}
        fetchNextPage={() => void query.fetchNextPage()}
      />
    </div>
  );
}
