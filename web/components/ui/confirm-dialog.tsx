import {
  useEffect,
  useId,
  useRef,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { Button } from '@/components/ui/button';
import './confirm-dialog.css';

export interface ConfirmDialogProps {
  title: ReactNode;
  /** What will happen, and what will not. */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** The action is destructive: the confirm button is red. */
  isDanger?: boolean;
  isBusy?: boolean;
  /** Shown inside the dialog when the action failed (it stays open). */
  error?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Escape cancels (unless busy); Tab and Shift+Tab cycle through the dialog's buttons. */
function useDialogKeys(panelRef: RefObject<HTMLDivElement | null>, onCancel: (() => void) | null) {
  return (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && onCancel) {
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Tab') {
      return;
    }
    const buttons = [...(panelRef.current?.querySelectorAll('button:not(:disabled)') ?? [])];
    const first = buttons[0];
    const last = buttons.at(-1);
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      (last as HTMLElement | undefined)?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      (first as HTMLElement | undefined)?.focus();
    }
  };
}

/**
 * A modal question before a serious action. Focus starts on "Cancel" (the safe choice), Tab stays
 * inside, Escape or a tap outside cancels; the screen behind is dimmed.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  isDanger = false,
  isBusy = false,
  error,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement;
    // "Cancel" comes first: the safe choice has focus.
    panelRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) {
        before.focus();
      }
    };
  }, []);
  const handleKeyDown = useDialogKeys(panelRef, isBusy ? null : onCancel);
  return (
    <div
      className="confirm-dialog"
      onKeyDown={handleKeyDown}
      onClick={(event) => {
        if (event.target === event.currentTarget && !isBusy) {
          onCancel();
        }
      }}
    >
      <div
        ref={panelRef}
        className="confirm-dialog__panel"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
      >
        <h2 id={titleId} className="confirm-dialog__title">
          {title}
        </h2>
        <div id={bodyId} className="confirm-dialog__body">
          {children}
        </div>
        {error ? (
          <p className="confirm-dialog__error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="confirm-dialog__actions">
          <Button variant="secondary" disabled={isBusy} onClick={onCancel}>
            {cancelLabel}
          </Button>
          <Button variant={isDanger ? 'danger' : 'primary'} isLoading={isBusy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </div>
  );
}
