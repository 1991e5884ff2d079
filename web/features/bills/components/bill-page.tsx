import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BillDetail } from '@common/contracts/bills';
import { completeBill, removeParent, reopenBill } from '@/features/bills/api/bill-actions';
import { BILLS_QUERY_KEY, billQueryKey } from '@/features/bills/api/get-bills';
import { BillActions } from '@/features/bills/components/bill-actions';
import { BillEvents } from '@/features/bills/components/bill-events';
import { BillHeader } from '@/features/bills/components/bill-header';
import { BillManage, type BillManageMode } from '@/features/bills/components/bill-manage';
import { BillRefusedScans } from '@/features/bills/components/bill-refused-scans';
import { BillParents } from '@/features/bills/components/bill-parents';
import { BillScanner } from '@/features/bills/components/bill-scanner';
import { billActionErrorMessage } from '@/features/bills/utils/bill-messages';
import { Banner } from '@/components/ui/banner';
import { useLiveEvents } from '@/lib/live-events';

type Action =
  { type: 'complete'; reason?: string } | { type: 'reopen' } | { type: 'remove'; qr: string };

function runAction(billNo: string, action: Action): Promise<unknown> {
  if (action.type === 'complete') {
    return completeBill(billNo, action.reason);
  }
  return action.type === 'reopen' ? reopenBill(billNo) : removeParent(billNo, action.qr);
}

const DONE_TEXT = {
  complete: 'Bill completed.',
  reopen: 'Bill reopened.',
  remove: 'Parent bag removed.',
};

export interface BillPageProps {
  detail: BillDetail;
  /** Admins and billers: scan, edit, complete, reopen, remove parents. */
  canEdit: boolean;
  /** Admins: delete the bill. */
  canDelete?: boolean;
  /** The bill was deleted (leave its page). */
  onDeleted?: () => void;
}

/** Bill figures, scanner, parents, actions and history; dispatchers view only. */
export function BillPage({ detail, canEdit, canDelete = false, onDeleted }: BillPageProps) {
  const { bill } = detail;
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [mode, setMode] = useState<BillManageMode>('view');
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: billQueryKey(bill.billNo) });
    void queryClient.invalidateQueries({ queryKey: [...BILLS_QUERY_KEY, 'list'] });
  };
  useLiveEvents({
    onBill: refresh,
    onReturn: refresh,
    onOpen: (isReconnect) => isReconnect && refresh(),
  });
  const mutation = useMutation({
    mutationFn: (action: Action) => runAction(bill.billNo, action),
    onMutate: () => setNotice(null),
    onSuccess: (_data, action) => setNotice(DONE_TEXT[action.type]),
    onSettled: refresh,
  });
  const removingQr =
    mutation.isPending && mutation.variables.type === 'remove' ? mutation.variables.qr : null;
  return (
    <>
      <BillHeader bill={bill} />
      {mutation.error ? (
        <Banner tone="error">{billActionErrorMessage(mutation.error)}</Banner>
      ) : null}
      {notice ? <Banner tone="success">{notice}</Banner> : null}
      <BillManage
        bill={bill}
        canEdit={canEdit}
        canDelete={canDelete}
        mode={mode}
        onModeChange={(next) => {
          setNotice(null);
          setMode(next);
        }}
        onSaved={() => {
          setMode('view');
          setNotice('Bill details saved.');
        }}
        onDeleted={() => onDeleted?.()}
      />
      {canEdit ? <BillScanner bill={bill} isPaused={mode !== 'view'} /> : null}
      <BillRefusedScans billNo={bill.billNo} bill={bill} />
      <BillActions
        bill={bill}
        canEdit={canEdit}
        isBusy={mutation.isPending && mutation.variables.type !== 'remove'}
        onComplete={(reason) => mutation.mutate({ type: 'complete', reason })}
        onReopen={() => mutation.mutate({ type: 'reopen' })}
      />
      <BillParents
        parents={detail.parents}
        removingQr={removingQr}
        onRemove={canEdit ? (qr) => mutation.mutate({ type: 'remove', qr }) : null}
      />
      <BillEvents events={detail.events} isTruncated={detail.eventsTruncated} />
    </>
  );
}
