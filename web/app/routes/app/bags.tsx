import { useBagKinds } from '@/features/bag-kinds/api/get-bag-kinds';
import {
  BagsFilters,
  BAG_FILTER_KEYS,
  toBagFilters,
} from '@/features/bags/components/bags-filters';
import { BagsList } from '@/features/bags/components/bags-list';
import { useAuth } from '@/app/routes/app/auth-context';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useUrlFilters } from '@/hooks/use-url-filters';
import { hasAreaScope } from '@/lib/authorization';

const SEARCH_DEBOUNCE_MS = 300;

/** Bags with filters and infinite scroll; dispatchers see their own area (the server enforces it). */
export function BagsRoute() {
  useDocumentTitle('Bags');
  const { user } = useAuth();
  const [values, setValues] = useUrlFilters(BAG_FILTER_KEYS);
  const q = useDebouncedValue(values.q, SEARCH_DEBOUNCE_MS);
  const kinds = useBagKinds().data?.items ?? [];
  const isAreaScoped = hasAreaScope(user.role);
  const filters = toBagFilters(isAreaScoped ? { ...values, area: '' } : values, q);
  return (
    <div className="page">
      <h1>Bags</h1>
      {isAreaScoped ? <p className="muted">Bags of your dispatch area.</p> : null}
      <BagsFilters
        values={values}
        onChange={setValues}
        kinds={kinds}
        isAreaFilterShown={!isAreaScoped}
      />
      <BagsList filters={filters} kinds={kinds} />
    </div>
  );
}
