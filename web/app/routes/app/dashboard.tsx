import { areaDisplayName } from '@common/areas';
import { roleLabel } from '@common/roles';
import type { User } from '@common/contracts/users';
import { useAuth } from '@/app/routes/app/auth-context';
import { LinkButton } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PackIcon, UsersIcon } from '@/components/ui/icons';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';

function scopeSentence(user: User): string {
  if (user.role === 'dispatcher') {
    return user.dispatchArea
      ? `You work in ${areaDisplayName(user.dispatchArea)} and see that area’s bags.`
      : 'You have no dispatch area yet. Ask an admin to set one.';
  }
  return 'You see all dispatch areas.';
}

function WelcomeCard({ user }: { user: User }) {
  return (
    <Card title={`Welcome, ${user.username}`} tone="highlight">
      <dl className="facts">
        <div>
          <dt>Role</dt>
          <dd>{roleLabel(user.role)}</dd>
        </div>
        <div>
          <dt>Area</dt>
          <dd>{user.dispatchArea ? areaDisplayName(user.dispatchArea) : 'All areas'}</dd>
        </div>
      </dl>
      <p className="muted">{scopeSentence(user)}</p>
      <LinkButton to={paths.app.pack.getHref()} size="lg" icon={<PackIcon />}>
        Start packing
      </LinkButton>
    </Card>
  );
}

/** Home page. Live numbers arrive with the dashboard issue; for now a welcome and the way in. */
export function DashboardRoute() {
  useDocumentTitle('Dashboard');
  const { user } = useAuth();
  return (
    <div className="page">
      <h1>Dashboard</h1>
      <WelcomeCard user={user} />
      <Card title="Today’s numbers">
        <p className="muted">Bag, bill and scan counts arrive in the next release.</p>
      </Card>
      {user.role === 'admin' ? (
        <Card title="Admin">
          <LinkButton to={paths.app.users.getHref()} variant="secondary" icon={<UsersIcon />}>
            Manage users
          </LinkButton>
        </Card>
      ) : null}
    </div>
  );
}
