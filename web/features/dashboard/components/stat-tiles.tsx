import '@/features/dashboard/components/dashboard.css';
import { Link } from 'react-router';
import type { Stats } from '@common/contracts/stats';
import { paths } from '@/config/paths';
import { formatNumber } from '@/lib/format';

interface Tile {
  label: string;
  value: number;
  to?: string;
  isWide?: boolean;
}

function tilesOf(stats: Stats): Tile[] {
  return [
    { label: 'Scans today', value: stats.scansToday, to: paths.app.scans.getHref(), isWide: true },
    { label: 'Scans last hour', value: stats.scansLastHour },
    { label: 'Parent bags', value: stats.parents, to: paths.app.bags.getHref({ type: 'parent' }) },
    { label: 'Child bags', value: stats.children, to: paths.app.bags.getHref({ type: 'child' }) },
    {
      label: 'Children in no parent',
      value: stats.unlinkedChildren,
      to: paths.app.bags.getHref({ type: 'child', unlinked: 'true' }),
    },
    { label: 'Bills new', value: stats.bills.new },
    { label: 'Bills being loaded', value: stats.bills.processing },
    { label: 'Bills completed', value: stats.bills.completed },
  ];
}

/** The dashboard numbers (SPEC §9) as big tiles; each links to its list where there is one. */
export function StatTiles({ stats }: { stats: Stats }) {
  return (
    <ul className="stat-tiles" aria-label="Numbers">
      {tilesOf(stats).map((tile) => {
        const body = (
          <>
            <span className="stat-tile__value">{formatNumber(tile.value)}</span>
            <span className="stat-tile__label">{tile.label}</span>
          </>
        );
        return (
          <li key={tile.label} className={`stat-tile${tile.isWide ? ' stat-tile--wide' : ''}`}>
            {tile.to ? (
              <Link to={tile.to} className="stat-tile__body stat-tile__body--link">
                {body}
              </Link>
            ) : (
              <div className="stat-tile__body">{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
