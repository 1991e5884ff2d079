import { LinkButton } from '@/components/ui/button';
import { LockIcon } from '@/components/ui/icons';
import { StatusScreen } from '@/components/errors/status-screen';
import { paths } from '@/config/paths';

export interface ForbiddenScreenProps {
  /** What the page needs, e.g. "This page is for admins." */
  reason?: string;
}

export function ForbiddenScreen({
  reason = 'Your role cannot open this page.',
}: ForbiddenScreenProps) {
  return (
    <StatusScreen
      mark={<LockIcon />}
      title="You don’t have access"
      actions={<LinkButton to={paths.app.root.getHref()}>Go to dashboard</LinkButton>}
    >
      <p>{reason}</p>
      <p>If you need it for your work, ask an admin.</p>
    </StatusScreen>
  );
}
