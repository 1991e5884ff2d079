import '@/features/dashboard/components/dashboard.css';
import type { StationScans } from '@common/contracts/stats';
import { formatNumber } from '@/lib/format';

/** The five busiest stations today, as labelled bars. */
export function TopStations({ stations }: { stations: readonly StationScans[] }) {
  if (stations.length === 0) {
    return <p className="muted">No station has scanned today.</p>;
  }
  const max = Math.max(...stations.map((s) => s.scans), 1);
  return (
    <ol className="top-stations">
      {stations.map((station) => (
        <li key={station.station} className="top-stations__item">
          <span className="top-stations__name">{station.station}</span>
          <span className="top-stations__count">{formatNumber(station.scans)}</span>
          <meter
            className="top-stations__bar"
            min={0}
            max={max}
            value={station.scans}
            aria-hidden="true"
          />
        </li>
      ))}
    </ol>
  );
}
