import '@/features/dashboard/components/dashboard.css';
import { describeActivity, type ActivityItem } from '@/features/dashboard/utils/activity';
import { formatTime } from '@/lib/format';

/** The newest scans and undos, live. */
export function RecentActivity({ items }: { items: readonly ActivityItem[] }) {
  if (items.length === 0) {
    return <p className="muted">Nothing yet today.</p>;
  }
  return (
    <ol className="activity" aria-label="Recent activity">
      {items.map((item) => (
        <li key={item.key} className={`activity__item activity__item--${item.type}`}>
          <time dateTime={item.at} className="activity__time">
            {formatTime(item.at)}
          </time>
          <span className="activity__text">
            {describeActivity(item)}
            {item.progress ? <span className="activity__progress"> ({item.progress})</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
