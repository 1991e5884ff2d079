import { useLocation } from 'react-router';
import { Banner } from '@/components/ui/banner';
import { Button, LinkButton } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { countOf } from '@/lib/format';
import { useScanQueue, useScanQueueState } from '@/lib/scan-queue/scan-queue-provider';
import type { ScanJob } from '@/lib/scan-queue/scan-queue-storage';

const BILL_SCAN = /^\/api\/bills\/([^/]+)\/parents$/;
const RETURN_SCAN = /^\/api\/returns\/([^/]+)\/bags$/;

/** Where a refused scan can be read and dismissed: its bill, its return ticket or the station. */
export function attentionTarget(job: ScanJob): { href: string; label: string } {
  const bill = BILL_SCAN.exec(job.path)?.[1];
  if (bill) {
    const billNo = decodeURIComponent(bill);
    return { href: paths.app.bill.getHref(billNo), label: `Open bill ${billNo}` };
  }
  const ticket = RETURN_SCAN.exec(job.path)?.[1];
  if (ticket) {
    const code = decodeURIComponent(ticket);
    return { href: paths.app.returnTicket.getHref(code), label: `Open ticket ${code}` };
  }
  return { href: paths.app.pack.getHref(), label: 'Open the station' };
}

/**
 * Outside the station: scans still waiting for the connection, and refused replays that a person
 * must read (the station shows the details).
 */
export function ScanQueueBanner() {
  const queue = useScanQueue();
  const { pending, rejected, isStalled } = useScanQueueState();
  const here = useLocation().pathname;
  const target = rejected[0] ? attentionTarget(rejected[0]) : null;
  return (
    <>
      {isStalled && pending.length > 0 ? (
        <Banner
          tone="warning"
          title={`Pending (${pending.length}): ${countOf(pending.length, 'scan')} not sent yet`}
          action={
            <Button variant="secondary" onClick={() => void queue.flush()}>
              Try now
            </Button>
          }
        >
          They are kept on this device and sent, in order, as soon as the connection is back.
        </Banner>
      ) : null}
      {target ? (
        <Banner
          tone="error"
          title={`${countOf(rejected.length, 'scan needs', 'scans need')} attention`}
          action={
            target.href === here ? null : (
              <LinkButton to={target.href} variant="secondary">
                {target.label}
              </LinkButton>
            )
          }
        >
          The server refused {rejected.length === 1 ? 'a scan' : 'scans'} sent after the connection
          came back.
        </Banner>
      ) : null}
    </>
  );
}
