import { areaDisplayName } from '@common/areas';
import { roleLabel } from '@common/roles';
import type { User } from '@common/contracts/users';
import { ChangePasswordForm } from '@/features/auth/components/change-password-form';
import { useAuth } from '@/app/routes/app/auth-context';
import { LinkButton } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { UsersIcon } from '@/components/ui/icons';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';

function ProfileCard({ user }: { user: User }) {
  return (
    <Card title="Your account">
      <dl className="facts">
        <div>
          <dt>Username</dt>
          <dd>{user.username}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{user.email ?? 'None'}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>{roleLabel(user.role)}</dd>
        </div>
        <div>
          <dt>Area</dt>
          <dd>{user.dispatchArea ? areaDisplayName(user.dispatchArea) : 'All areas'}</dd>
        </div>
      </dl>
      {user.role === 'admin' ? (
        <LinkButton to={paths.app.users.getHref()} variant="secondary" icon={<UsersIcon />}>
          Manage users
        </LinkButton>
      ) : null}
    </Card>
  );
}

export function AccountRoute() {
  useDocumentTitle('Account');
  const { user } = useAuth();
  return (
    <div className="page">
      <h1>Account</h1>
      <ProfileCard user={user} />
      <Card title="Change password">
        <ChangePasswordForm username={user.username} role={user.role} />
      </Card>
    </div>
  );
}
