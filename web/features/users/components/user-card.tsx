import { useState } from 'react';
import type { User } from '@common/contracts/users';
import { areaDisplayName } from '@common/areas';
import { roleLabel } from '@common/roles';
import { useUnlockUser } from '@/features/users/api/unlock-user';
import { EditUserForm } from '@/features/users/components/edit-user-form';
import { isLocked } from '@/features/users/utils/user-options';
import { userErrorMessage } from '@/features/users/utils/user-error-message';
import { Badge } from '@/components/ui/badge';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { LockIcon } from '@/components/ui/icons';

const TIME_FORMAT = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export interface UserCardProps {
  user: User;
  isSelf: boolean;
  /** Called after a successful change, with a sentence to show. */
  onChanged: (notice: string) => void;
}

function UserBadges({ user, isSelf }: { user: User; isSelf: boolean }) {
  return (
    <div className="user-card__badges">
      <Badge tone={user.role === 'admin' ? 'accent' : 'primary'}>{roleLabel(user.role)}</Badge>
      {user.dispatchArea ? <Badge>{areaDisplayName(user.dispatchArea)}</Badge> : null}
      {user.active ? null : <Badge tone="muted">Deactivated</Badge>}
      {user.lockedUntil && isLocked(user.lockedUntil) ? (
        <Badge tone="danger">Locked until {TIME_FORMAT.format(new Date(user.lockedUntil))}</Badge>
      ) : null}
      {isSelf ? <Badge tone="muted">You</Badge> : null}
    </div>
  );
}

function UnlockButton({ user, onChanged }: Pick<UserCardProps, 'user' | 'onChanged'>) {
  const mutation = useUnlockUser({
    onSuccess: (unlocked) => onChanged(`${unlocked.username} can sign in again.`),
  });
  return (
    <>
      <Button
        variant="secondary"
        icon={<LockIcon />}
        isLoading={mutation.isPending}
        onClick={() => mutation.mutate(user.id)}
        aria-label={`Unlock ${user.username}`}
      >
        Unlock
      </Button>
      {mutation.error ? (
        <Banner tone="error">{userErrorMessage(mutation.error).message}</Banner>
      ) : null}
    </>
  );
}

/** One user in the admin list, with its actions; "Edit" opens the form in place. */
export function UserCard({ user, isSelf, onChanged }: UserCardProps) {
  const [isEditing, setIsEditing] = useState(false);
  return (
    <li className={`user-card${user.active ? '' : ' user-card--inactive'}`}>
      <div className="user-card__summary">
        <div className="user-card__who">
          <h3 className="user-card__name">{user.username}</h3>
          <p className="user-card__email" title={user.email ?? undefined}>
            {user.email ?? 'No email'}
          </p>
          <UserBadges user={user} isSelf={isSelf} />
        </div>
        <div className="user-card__actions">
          {isLocked(user.lockedUntil) ? <UnlockButton user={user} onChanged={onChanged} /> : null}
          <Button
            variant={isEditing ? 'ghost' : 'secondary'}
            aria-expanded={isEditing}
            aria-label={`${isEditing ? 'Close editing' : 'Edit'} ${user.username}`}
            onClick={() => setIsEditing((value) => !value)}
          >
            {isEditing ? 'Close' : 'Edit'}
          </Button>
        </div>
      </div>
      {isEditing ? (
        <EditUserForm
          user={user}
          isSelf={isSelf}
          onCancel={() => setIsEditing(false)}
          onSaved={(saved) => {
            setIsEditing(false);
            onChanged(`Saved changes to ${saved.username}.`);
          }}
        />
      ) : null}
    </li>
  );
}
