import { ComingSoon } from '@/components/ui/coming-soon';
import { LookupIcon } from '@/components/ui/icons';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function LookupRoute() {
  useDocumentTitle('Lookup');
  return (
    <ComingSoon title="Lookup" icon={<LookupIcon />}>
      <strong>Lookup arrives in the next release.</strong>
      <p>Scan or type any code to see its whole story.</p>
    </ComingSoon>
  );
}
