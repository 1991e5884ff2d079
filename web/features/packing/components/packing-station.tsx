import { useMemo } from 'react';
import type { BagKindRule } from '@common/qr';
import { isPackingJob, usePackingStation } from '@/features/packing/hooks/use-packing-station';
import { flashToneOf, useStationFeedback } from '@/features/packing/hooks/use-station-feedback';
import { describeRefusedJob } from '@/features/packing/utils/scan-messages';
import type { Feedback } from '@/features/packing/utils/station-state';
import { ScanLog } from '@/features/packing/components/scan-log';
import { StationCounter } from '@/features/packing/components/station-counter';
import { StationTopBar } from '@/features/packing/components/station-top-bar';
import { NeedsAttention } from '@/components/scan-queue/queued-scan-lists';
import { Button } from '@/components/ui/button';
import { CheckIcon, UndoIcon } from '@/components/ui/icons';
import { ScanInput } from '@/lib/scanner/scan-input';
import './packing.css';

export interface PackingStationProps {
  kinds: readonly BagKindRule[];
  station: string;
  username: string;
  /** A dialog (renaming the station) is open: the scanner input lets go of focus. */
  isPaused: boolean;
  onRenameStation: () => void;
  idleMs?: number;
}

/** Full-screen green or red flash, restarted by each new feedback (decorative). */
function StationFlash({ feedback }: { feedback: Feedback | null }) {
  const tone = feedback ? flashToneOf(feedback.tone) : null;
  if (!feedback || !tone) {
    return null;
  }
  return (
    <div key={feedback.id} className={`station-flash station-flash--${tone}`} aria-hidden="true" />
  );
}

/** Speaks each result: errors at once (assertive), the rest politely. */
function Announcer({ feedback }: { feedback: Feedback | null }) {
  const isError = feedback?.tone === 'error';
  return (
    <>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {feedback && !isError ? <p key={feedback.id}>{feedback.text}</p> : null}
      </div>
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {feedback && isError ? <p key={feedback.id}>{feedback.text}</p> : null}
      </div>
    </>
  );
}

interface StationActionsProps {
  canUndo: boolean;
  canFinish: boolean;
  onUndo: () => void;
  onFinish: () => void;
}

/** Undo last and Finish: big targets side by side. */
function StationActions({ canUndo, canFinish, onUndo, onFinish }: StationActionsProps) {
  return (
    <div className="station__actions">
      <Button
        variant="secondary"
        size="lg"
        icon={<UndoIcon />}
        disabled={!canUndo}
        onClick={onUndo}
      >
        Undo last
      </Button>
      <Button size="lg" icon={<CheckIcon />} disabled={!canFinish} onClick={onFinish}>
        Finish
      </Button>
    </div>
  );
}

/** The packing station screen (SPEC §4): state, counter, scanner input, actions, last scans. */
export function PackingStation({
  kinds,
  station,
  username,
  isPaused,
  onRenameStation,
  idleMs,
}: PackingStationProps) {
  const packing = usePackingStation({ kinds, station, idleMs });
  const { state, queueState } = packing;
  useStationFeedback(state.feedback);
  const waitingIds = useMemo(
    () => new Set(queueState.isStalled ? queueState.pending.map((job) => job.id) : []),
    [queueState],
  );
  const isChild = state.mode === 'child' && state.parent !== null;
  const feedbackTone = state.feedback?.tone ?? 'info';
  return (
    <div className={`station station--${isChild ? 'child' : 'parent'}`}>
      <StationFlash feedback={state.feedback} />
      <Announcer feedback={state.feedback} />
      <StationTopBar
        station={station}
        username={username}
        queueState={queueState}
        onRename={onRenameStation}
        onRetry={packing.retryNow}
      />
      <main id="main" className="station__main">
        <section className="station__state" aria-labelledby="station-title">
          <h1 id="station-title" className="station__title">
            <span className="station__mode">{isChild ? 'CHILD' : 'PARENT'}</span>
            <span className="station__instruction">
              {isChild
                ? `Scan child bags into ${state.parent?.qr ?? ''}`
                : 'Waiting for a parent bag'}
            </span>
          </h1>
          <StationCounter
            mode={state.mode}
            parent={state.parent}
            lastParent={state.lastParent}
            isStalled={queueState.isStalled}
          />
        </section>
        <p
          className={`station__message station__message--${state.feedback ? feedbackTone : 'empty'}`}
          data-testid="station-message"
        >
          {state.feedback?.text ?? '\u00a0'}
        </p>
        {state.switchTo ? (
          <Button size="lg" isFullWidth onClick={packing.handleFinishAndStart}>
            Finish and start {state.switchTo}
          </Button>
        ) : null}
        <ScanInput
          label="Scan or type a code"
          size="lg"
          onCode={packing.handleCode}
          isActive={!isPaused}
          hint="A scanner types the code and presses Enter. You can type it and press Enter too."
        />
        <StationActions
          canUndo={packing.undoTarget !== null}
          canFinish={isChild}
          onUndo={packing.handleUndo}
          onFinish={packing.handleFinish}
        />
        <NeedsAttention
          rejected={queueState.rejected.filter(isPackingJob)}
          describe={describeRefusedJob}
          intro="These scans were refused by the server. Check the bags, then dismiss."
          onDismiss={packing.dismissRefused}
        />
        <ScanLog rows={state.rows} waitingIds={waitingIds} />
      </main>
    </div>
  );
}
