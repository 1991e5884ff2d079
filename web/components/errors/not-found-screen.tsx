import { LinkButton } from '@/components/ui/button';
import { StatusScreen } from '@/components/errors/status-screen';
import { paths } from '@/config/paths';

export function NotFoundScreen() {
  return (
    <StatusScreen
      mark="404"
      title="Page not found"
      actions={<LinkButton to={paths.app.root.getHref()}>Go to dashboard</LinkButton>}
    >
      <p>This page does not exist. The link may be old or mistyped.</p>
    </StatusScreen>
  );
}
