import { Button } from '@/components/ui/button';
import { LockIcon } from '@/components/ui/icons';
import { StatusScreen } from '@/components/errors/status-screen';

export interface SessionExpiredScreenProps {
  onSignIn: () => void;
}

export function SessionExpiredScreen({ onSignIn }: SessionExpiredScreenProps) {
  return (
    <StatusScreen
      mark={<LockIcon />}
      title="Your session ended, sign in again"
      actions={
        <Button size="lg" onClick={onSignIn}>
          Sign in again
        </Button>
      }
    >
      <p>
        For safety, TraceTrack signs you out after a period without activity, and after an hour in
        any case. Everything you saved is kept.
      </p>
    </StatusScreen>
  );
}
