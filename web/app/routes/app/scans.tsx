import {
  ScansFilters,
  SCAN_FILTER_KEYS,
  toScanFilters,
} from '@/features/scans/components/scans-filters';
import { ScansList } from '@/features/scans/components/scans-list';
import { useAuth } from '@/app/routes/app/auth-context';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useUrlFilters } from '@/hooks/use-url-filters';
import { hasAreaScope } from '@/lib/authorization';

const TYPING_DEBOUNCE_MS = 300;

/** Every recorded scan with filters and infinite scroll; dispatchers see their own area. */
export function ScansRoute() {
  useDocumentTitle('Scans');
  const { user } = useAuth();
  const [values, setValues] = useUrlFilters(SCAN_FILTER_KEYS);
  const debounced = useDebouncedValue(values, TYPING_DEBOUNCE_MS);
  const isAreaScoped = hasAreaScope(user.role);
  const filters = toScanFilters(isAreaScoped ? { ...debounced, area: '' } : debounced);
  return (
    <div className="page">
      <h1>Scans</h1>
      {isAreaScoped ? <p className="muted">Scans of your dispatch area.</p> : null}
      <ScansFilters values={values} onChange={setValues} isAreaFilterShown={!isAreaScoped} />
      <ScansList filters={filters} />
    </div>
  );
}
