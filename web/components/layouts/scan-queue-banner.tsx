import { Banner } from '@/components/ui/banner';
import { Button, LinkButton } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { useScanQueue, useScanQueueState } from '@/lib/scan-queue/scan-queue-provider';

function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Outside the station: scans still waiting for the connection, and refused replays that a person
 * must read (the station shows the details).
 */
export function ScanQueueBanner() {
  const queue = useScanQueue();
  const { pending, rejected, isStalled } = useScanQueueState();
  return (
    <>
      {isStalled && pending.length > 0 ? (
        <Banner
          tone="warning"
          title={`Pending (${pending.length}): ${plural(pending.length, 'scan', 'scans')} not sent yet`}
          action={
            <Button variant="secondary" onClick={() => void queue.flush()}>
              Try now
            </Button>
          }
        >
          They are kept on this device and sent, in order, as soon as the connection is back.
        </Banner>
      ) : null}
      {rejected.length > 0 ? (
        <Banner
          tone="error"
          title={`${plural(rejected.length, 'scan needs', 'scans need')} attention`}
          action={
            <LinkButton to={paths.app.pack.getHref()} variant="secondary">
              Open the station
            </LinkButton>
          }
        >
          The server refused {rejected.length === 1 ? 'a scan' : 'scans'} sent after the connection
          came back.
        </Banner>
      ) : null}
    </>
  );
}
