import { NotFoundScreen } from '@/components/errors/not-found-screen';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function NotFoundRoute() {
  useDocumentTitle('Not found');
  return <NotFoundScreen />;
}
