import {
  AuditFiltersPanel,
  AUDIT_FILTER_KEYS,
  toAuditFilters,
} from '@/features/audit/components/audit-filters';
import { AuditList } from '@/features/audit/components/audit-list';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useUrlFilters } from '@/hooks/use-url-filters';

const TYPING_DEBOUNCE_MS = 300;

/** Admins browse the audit log (SPEC §11): filters by actor, action, entity and time. */
export function AuditRoute() {
  useDocumentTitle('Audit log');
  const [values, setValues] = useUrlFilters(AUDIT_FILTER_KEYS);
  const debounced = useDebouncedValue(values, TYPING_DEBOUNCE_MS);
  return (
    <div className="page">
      <h1>Audit log</h1>
      <AuditFiltersPanel values={values} onChange={setValues} />
      <AuditList filters={toAuditFilters(debounced)} />
    </div>
  );
}
