import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { billQueryKey, useBill } from '@/features/bills/api/get-bills';
import { BillPage } from '@/features/bills/components/bill-page';
import { BillRefusedScans } from '@/features/bills/components/bill-refused-scans';
import { useAuth } from '@/app/routes/app/auth-context';
import { Banner } from '@/components/ui/banner';
import { LinkButton } from '@/components/ui/button';
import { BackIcon } from '@/components/ui/icons';
import { LoadErrorBanner } from '@/components/ui/load-error-banner';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { isApiError } from '@/lib/api-client';
import { canDeleteBills, canEditBills } from '@/lib/authorization';

/**
 * One bill (`/bills/:billNo`): admins and billers scan parents onto it and edit it, admins delete
 * it; dispatchers view.
 */
export function BillRoute() {
  const billNo = useParams().billNo ?? '';
  useDocumentTitle(`Bill ${billNo}`);
  const { user } = useAuth();
  const query = useBill(billNo);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  function handleDeleted() {
    // The bills list shows `state.notice`.
    const shown = query.data?.bill.billNo ?? billNo;
    const state = { notice: `Bill ${shown} deleted. Its parent bags are kept.` };
    void Promise.resolve(navigate(paths.app.bills.getHref(), { replace: true, state })).then(() =>
      queryClient.removeQueries({ queryKey: billQueryKey(billNo) }),
    );
  }
  let body;
  if (query.data) {
    body = (
      <BillPage
        detail={query.data}
        canEdit={canEditBills(user.role)}
        canDelete={canDeleteBills(user.role)}
        onDeleted={handleDeleted}
      />
    );
  } else if (query.isPending) {
    body = <Spinner size="lg" label="Loading the bill…" />;
  } else {
    const isMissing = isApiError(query.error) && query.error.code === 'BILL_NOT_FOUND';
    body = isMissing ? (
      <>
        <Banner tone="error" title={`Bill ${billNo} not found`}>
          It may have been deleted.
        </Banner>
        <BillRefusedScans billNo={billNo} />
      </>
    ) : (
      <LoadErrorBanner
        title="Could not load the bill"
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  }
  return (
    <div className="page">
      <div className="page__header">
        <h1>Bill {billNo}</h1>
        <LinkButton variant="secondary" icon={<BackIcon />} to={paths.app.bills.getHref()}>
          All bills
        </LinkButton>
      </div>
      {body}
    </div>
  );
}
