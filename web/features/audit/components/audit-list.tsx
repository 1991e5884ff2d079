import type { AuditEntry } from '@common/contracts/audit';
import { useAudit, type AuditFilters } from '@/features/audit/api/get-audit';
import { Badge } from '@/components/ui/badge';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { ListFooter } from '@/components/ui/list-footer';
import { Spinner } from '@/components/ui/spinner';
import { friendlyErrorMessage } from '@/lib/error-messages';
import { formatDateTime } from '@/lib/format';
import './audit.css';

function AuditRow({ entry }: { entry: AuditEntry }) {
  const entity = entry.entityType
    ? `${entry.entityType}${entry.entityId ? `:${entry.entityId}` : ''}`
    : null;
  const hasChange = entry.before !== null || entry.after !== null;
  return (
    <li className="data-row">
      <div className="data-row__head">
        <span className="data-row__title code">{entry.action}</span>
        {entry.security ? <Badge tone="danger">Security</Badge> : null}
      </div>
      <dl className="data-row__meta">
        <div>
          <dt>When</dt>
          <dd>
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
          </dd>
        </div>
        <div>
          <dt>Who</dt>
          <dd>{entry.actor ? `${entry.actor.username} (${entry.actor.role})` : 'System'}</dd>
        </div>
        {entity ? (
          <div>
            <dt>What</dt>
            <dd className="code">{entity}</dd>
          </div>
        ) : null}
        {entry.ip ? (
          <div>
            <dt>IP</dt>
            <dd>{entry.ip}</dd>
          </div>
        ) : null}
        {entry.requestId ? (
          <div>
            <dt>Request</dt>
            <dd className="code">{entry.requestId}</dd>
          </div>
        ) : null}
      </dl>
      {hasChange ? (
        <details className="audit-change">
          <summary>Before and after</summary>
          <pre>{JSON.stringify({ before: entry.before, after: entry.after }, null, 2)}</pre>
        </details>
      ) : null}
    </li>
  );
}

/** Audit entries matching the filters, newest first, a page at a time ("Load more"). */
export function AuditList({ filters }: { filters: AuditFilters }) {
  const query = useAudit(filters);
  const entries = query.data?.pages.flatMap((page) => page.items);
  if (!entries) {
    return query.isPending ? (
      <Spinner size="lg" label="Loading the audit log…" />
    ) : (
      <Banner
        tone="error"
        title="Could not load the audit log"
        action={
          <Button variant="secondary" onClick={() => void query.refetch()}>
            Try again
          </Button>
        }
      >
        {friendlyErrorMessage(query.error)}
      </Banner>
    );
  }
  if (entries.length === 0) {
    return <p className="empty-state">No audit entries match these filters.</p>;
  }
  return (
    <div className="stack">
      <ul className="data-list" aria-label="Audit entries">
        {entries.map((entry) => (
          <AuditRow key={entry.id} entry={entry} />
        ))}
      </ul>
      <ListFooter
        count={entries.length}
        noun="entry"
        pluralNoun="entries"
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        isFetchNextPageError={query.isFetchNextPageError}
        error={query.error}
        fetchNextPage={() => void query.fetchNextPage()}
        isInfinite={false}
      />
    </div>
  );
}
