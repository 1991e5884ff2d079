import { useOutletContext } from 'react-router';
import type { AuthState } from '@common/contracts/auth';

/** What the signed-in shell hands to every screen below it (always loaded by then). */
export type AppOutletContext = AuthState;

export function useAuth(): AppOutletContext {
  return useOutletContext<AppOutletContext>();
}
