import type { AuditEntry } from '@common/contracts/audit';
import { useAudit, type AuditFilters } from '@/features/audit/api/get-audit';
import { Badge } from '@/components/ui/badge';
import { PagedList } from '@/components/ui/paged-list';
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
  return (
    <PagedList
      query={useAudit(filters)}
      label="Audit entries"
      loadingLabel="Loading the audit log…"
      errorTitle="Could not load the audit log"
      emptyMessage="No audit entries match these filters."
      noun="entry"
      pluralNoun="entries"
      isInfinite={false}
      renderItem={(entry) => <AuditRow key={entry.id} entry={entry} />}
    />
  );
}
