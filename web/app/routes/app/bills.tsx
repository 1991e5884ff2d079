import { ComingSoon } from '@/components/ui/coming-soon';
import { BillsIcon } from '@/components/ui/icons';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function BillsRoute() {
  useDocumentTitle('Bills');
  return (
    <ComingSoon title="Bills" icon={<BillsIcon />}>
      <strong>Bills arrive in the next release.</strong>
      <p>Create dispatch bills and attach parent bags to them.</p>
    </ComingSoon>
  );
}
