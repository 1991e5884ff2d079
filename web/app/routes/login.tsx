import { useNavigate, useSearchParams } from 'react-router';
import { LoginForm } from '@/features/auth/components/login-form';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { paths, safeRedirectTarget } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** Sign in, then go where the user was heading (`?redirectTo=`), or to the dashboard. */
export function LoginRoute() {
  useDocumentTitle('Sign in');
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const redirectTo = safeRedirectTarget(searchParams.get('redirectTo')) ?? paths.app.root.getHref();
  return (
    <AuthLayout title="Sign in">
      <LoginForm onSuccess={() => void navigate(redirectTo, { replace: true })} />
      <p className="muted">Forgot your password? Ask an admin to set a new one.</p>
    </AuthLayout>
  );
}
