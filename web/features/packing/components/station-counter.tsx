import type { OpenParent, StationMode } from '@/features/packing/utils/station-state';
import { displayCount } from '@/features/packing/utils/station-state';

export interface StationCounterProps {
  mode: StationMode;
  parent: OpenParent | null;
  lastParent: OpenParent | null;
  isStalled: boolean;
}

function LastParentLine({ lastParent }: { lastParent: OpenParent | null }) {
  if (!lastParent) {
    return <p className="station-counter__parent">No parent open.</p>;
  }
  return (
    <p className="station-counter__parent">
      Last: <span className="code">{lastParent.qr}</span> at {displayCount(lastParent)} /{' '}
      {lastParent.maxChildren}
    </p>
  );
}

/** The huge `n / max` of the open parent (CHILD state), or what to do next (PARENT state). */
export function StationCounter({ mode, parent, lastParent, isStalled }: StationCounterProps) {
  if (mode === 'parent' || !parent) {
    return (
      <div className="station-counter station-counter--idle">
        <p className="station-counter__prompt">Scan a parent bag</p>
        <LastParentLine lastParent={lastParent} />
      </div>
    );
  }
  const count = displayCount(parent);
  let note = '';
  if (parent.confirmedCount === null) {
    note = isStalled ? 'Offline: count not confirmed yet' : 'Checking…';
  } else if (count !== parent.confirmedCount) {
    note = isStalled ? 'Offline: some not sent yet' : 'Sending…';
  }
  return (
    <div className="station-counter">
      <p className="station-counter__parent">
        <span className="code">{parent.qr}</span> · {parent.kindLabel}
      </p>
      <p className="station-counter__value">
        <span
          className="visually-hidden"
          data-testid="station-count"
        >{`${count} of ${parent.maxChildren} child bags`}</span>
        <span className="station-counter__count" aria-hidden="true">
          {count}
        </span>
        <span className="station-counter__max" aria-hidden="true">
          {' '}
          / {parent.maxChildren}
        </span>
      </p>
      <progress
        className="station-counter__bar"
        value={Math.min(count, parent.maxChildren)}
        max={parent.maxChildren}
        aria-hidden="true"
      />
      <p className="station-counter__note">{note || '\u00a0'}</p>
    </div>
  );
}
