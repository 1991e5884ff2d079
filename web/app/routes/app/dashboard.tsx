import { areaDisplayName } from '@common/areas';
import { useStats } from '@/features/dashboard/api/get-stats';
import { HourlyChart } from '@/features/dashboard/components/hourly-chart';
import { LiveIndicator } from '@/features/dashboard/components/live-indicator';
import { RecentActivity } from '@/features/dashboard/components/recent-activity';
import { StatTiles } from '@/features/dashboard/components/stat-tiles';
import { TopStations } from '@/features/dashboard/components/top-stations';
import { useLiveDashboard } from '@/features/dashboard/hooks/use-live-dashboard';
import { useRecentScans } from '@/features/scans/api/get-scans';
import { useAuth } from '@/app/routes/app/auth-context';
import { LinkButton } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { LoadErrorBanner } from '@/components/ui/load-error-banner';
import { PackIcon } from '@/components/ui/icons';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';

/**
 * Home: the numbers of SPEC §9 for the user's scope, updated live over /api/events (no polling):
 * tiles, today's scans per hour, top stations and recent activity.
 */
export function DashboardRoute() {
  useDocumentTitle('Dashboard');
  const { user } = useAuth();
  const stats = useStats();
  const recent = useRecentScans();
  const { status, activity } = useLiveDashboard(recent.data?.items, () => void recent.refetch());
  const scope =
    user.role === 'dispatcher'
      ? `${user.dispatchArea ? areaDisplayName(user.dispatchArea) : 'No area'} only`
      : 'All areas';
  return (
    <div className="page">
      <div className="dashboard__header">
        <div>
          <h1>Dashboard</h1>
          <p className="muted">
            Welcome, {user.username}. {scope}.
          </p>
        </div>
        <LinkButton to={paths.app.pack.getHref()} size="lg" icon={<PackIcon />}>
          Start packing
        </LinkButton>
      </div>
      <LiveIndicator status={status} updatedAt={stats.data?.updatedAt ?? null} />
      {stats.isError ? (
        <LoadErrorBanner
          title="Could not load the numbers"
          error={stats.error}
          onRetry={() => void stats.refetch()}
        />
      ) : null}
      {stats.data ? (
        <StatTiles stats={stats.data} />
      ) : stats.isPending ? (
        <Spinner size="lg" label="Loading the numbers…" />
      ) : null}
      <div className="dashboard__grid">
        <Card title="Scans per hour today">
          {stats.data ? (
            <HourlyChart perHour={stats.data.perHour} timeZone={stats.data.timeZone} />
          ) : (
            <Spinner />
          )}
        </Card>
        <Card title="Top stations today">
          {stats.data ? <TopStations stations={stats.data.topStations} /> : <Spinner />}
        </Card>
      </div>
      <Card title="Recent activity">
        {recent.isPending ? (
          <Spinner label="Loading recent scans…" />
        ) : (
          <RecentActivity items={activity} />
        )}
      </Card>
    </div>
  );
}
