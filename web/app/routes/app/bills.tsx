import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import {
  BILL_FILTER_KEYS,
  BillsFilters,
  toBillFilters,
} from '@/features/bills/components/bills-filters';
import { BillsList } from '@/features/bills/components/bills-list';
import { CreateBillForm } from '@/features/bills/components/create-bill-form';
import { useAuth } from '@/app/routes/app/auth-context';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { PlusIcon } from '@/components/ui/icons';
import { paths } from '@/config/paths';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useUrlFilters } from '@/hooks/use-url-filters';
import { canEditBills } from '@/lib/authorization';

const SEARCH_DEBOUNCE_MS = 300;

/** What the bill page left in the history state (a deleted bill). */
function noticeOf(state: unknown): string | null {
  return typeof state === 'object' && state !== null && 'notice' in state
    ? String(state.notice)
    : null;
}

/** Bills with filters and infinite scroll; admins and billers create new ones here. */
export function BillsRoute() {
  useDocumentTitle('Bills');
  const { user } = useAuth();
  const navigate = useNavigate();
  const notice = noticeOf(useLocation().state);
  const [values, setValues] = useUrlFilters(BILL_FILTER_KEYS);
  const q = useDebouncedValue(values.q, SEARCH_DEBOUNCE_MS);
  const [isCreating, setIsCreating] = useState(false);
  const canCreate = canEditBills(user.role);
  return (
    <div className="page">
      <div className="page__header">
        <h1>Bills</h1>
        {canCreate && !isCreating ? (
          <Button icon={<PlusIcon />} onClick={() => setIsCreating(true)}>
            New bill
          </Button>
        ) : null}
      </div>
      {notice ? <Banner tone="success">{notice}</Banner> : null}
      {isCreating ? (
        <CreateBillForm
          onCancel={() => setIsCreating(false)}
          onCreated={(bill) => void navigate(paths.app.bill.getHref(bill.billNo))}
        />
      ) : null}
      <BillsFilters values={values} onChange={setValues} />
      <BillsList filters={toBillFilters(values, q)} />
    </div>
  );
}
