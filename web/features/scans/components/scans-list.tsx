import { Link } from 'react-router';
import type { Scan } from '@common/contracts/bags';
import { areaDisplayName } from '@common/areas';
import { useScans, type ScanFilters } from '@/features/scans/api/get-scans';
import { scanKindLabel, scanTargetText } from '@/features/scans/utils/scan-labels';
import { Badge } from '@/components/ui/badge';
import { PagedList } from '@/components/ui/paged-list';
import { paths } from '@/config/paths';
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
  return (
    <PagedList
      query={useScans(filters)}
      label="Scans"
      loadingLabel="Loading scans…"
      errorTitle="Could not load the scans"
      emptyMessage="No scans match these filters."
      noun="scan"
      renderItem={(scan) => <ScanRow key={scan.id} scan={scan} />}
    />
  );
}
