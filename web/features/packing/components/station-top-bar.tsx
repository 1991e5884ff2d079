import { useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { BackIcon, CloudOffIcon, SoundIcon } from '@/components/ui/icons';
import { paths } from '@/config/paths';
import { isSoundOn, setSoundOn } from '@/lib/scanner/scan-feedback';
import type { ScanQueueState } from '@/lib/scan-queue/scan-queue';

export interface StationTopBarProps {
  station: string;
  username: string;
  queueState: ScanQueueState;
  onRename: () => void;
  onRetry: () => void;
}

function QueueStatus({ queueState, onRetry }: Pick<StationTopBarProps, 'queueState' | 'onRetry'>) {
  const { pending, isStalled } = queueState;
  if (!isStalled || pending.length === 0) {
    return null;
  }
  return (
    <button type="button" className="station-bar__pending" onClick={onRetry}>
      <CloudOffIcon />
      <span>Pending ({pending.length})</span>
      <span className="visually-hidden">: not sent yet. Try now.</span>
    </button>
  );
}

/** The station's own thin header: way out, station name, sound, connection state. */
export function StationTopBar({
  station,
  username,
  queueState,
  onRename,
  onRetry,
}: StationTopBarProps) {
  const [isSound, setIsSound] = useState(isSoundOn);
  return (
    <header className="station-bar">
      <Link to={paths.app.root.getHref()} className="station-bar__exit">
        <BackIcon />
        <span>Exit</span>
      </Link>
      <button
        type="button"
        className="station-bar__station"
        onClick={onRename}
        aria-label={`Station ${station}, ${username}. Rename the station`}
      >
        <span className="station-bar__station-name">{station}</span>
        <span className="station-bar__user">{username}</span>
      </button>
      <QueueStatus queueState={queueState} onRetry={onRetry} />
      {queueState.isPersistent ? null : <Badge tone="danger">Not saved on device</Badge>}
      <Button
        variant="ghost"
        className="station-bar__sound"
        aria-pressed={isSound}
        aria-label="Sound"
        icon={<SoundIcon isOn={isSound} />}
        onClick={() => {
          setSoundOn(!isSound);
          setIsSound(!isSound);
        }}
      >
        {''}
      </Button>
    </header>
  );
}
