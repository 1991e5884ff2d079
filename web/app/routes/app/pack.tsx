import { ComingSoon } from '@/components/ui/coming-soon';
import { PackIcon } from '@/components/ui/icons';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function PackRoute() {
  useDocumentTitle('Pack');
  return (
    <ComingSoon title="Pack" icon={<PackIcon />}>
      <strong>Packing station arrives in the next release.</strong>
      <p>Scan a parent bag, then its child bags, to pack them together.</p>
    </ComingSoon>
  );
}
