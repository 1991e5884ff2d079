import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useLatest } from '@/hooks/use-latest';

/**
 * Keyboard-wedge scanner input (SPEC §2, §4; STYLE §5.8). A scanner "types" its payload a few
 * milliseconds per key and ends it with Enter (sometimes Tab, sometimes Enter then Tab); a person
 * types the same way, only slower. Components never read key events for codes: they get whole
 * codes from `onCode`. No camera is ever used.
 */

/** Keys closer together than this belong to one burst (a scanner sends them ~5 ms apart). */
export const BURST_GAP_MS = 100;
/** A Tab this soon after Enter is the second half of an "Enter + Tab" suffix: swallow it. */
export const SUFFIX_TAB_MS = 150;

const NON_TEXT_INPUT_TYPES = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'hidden',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

/** True for elements that take typed text (they keep focus; the scanner never steals it). */
export function isTextEntry(element: Element | null): boolean {
  if (element instanceof HTMLInputElement) {
    return !NON_TEXT_INPUT_TYPES.has(element.type);
  }
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) {
    return true;
  }
  return element instanceof HTMLElement && element.isContentEditable;
}

/** True inside an open dialog: a dialog owns focus until it closes. */
function isInDialog(element: Element | null): boolean {
  return Boolean(element?.closest('dialog[open], [role="dialog"], [role="alertdialog"]'));
}

export interface UseScanInputOptions {
  /**
   * Keep the input focused: take focus back after clicks, blur and window switches, and send
   * keys typed while a button has focus into it (the packing station). Default true.
   */
  keepFocus?: boolean;
  /** While false (a form or dialog is open) focus is left alone; back to true refocuses. */
  isActive?: boolean;
}

export interface ScanInputController {
  inputRef: React.RefObject<HTMLInputElement | null>;
  /** Spread on the <input>: key handling and scanner-friendly attributes. */
  inputProps: {
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
    onBlur: (event: React.FocusEvent<HTMLInputElement>) => void;
    autoComplete: 'off';
    autoCorrect: 'off';
    autoCapitalize: 'characters';
    spellCheck: false;
    enterKeyHint: 'go';
  };
  /** Hands what is in the input to `onCode` (a "Look up" button). */
  submit: () => void;
  focus: () => void;
}

interface FocusKeeperArgs {
  inputRef: React.RefObject<HTMLInputElement | null>;
  lastKeyAt: React.RefObject<number>;
  submit: () => void;
  isEnabled: boolean;
}

/** Document listeners that keep the scanner input focused while `isEnabled`. */
function useFocusKeeper({ inputRef, lastKeyAt, submit, isEnabled }: FocusKeeperArgs) {
  useEffect(() => {
    if (!isEnabled) {
      return undefined;
    }
    const focusInput = () => {
      const input = inputRef.current;
      const active = document.activeElement;
      if (!input || active === input || isTextEntry(active) || isInDialog(active)) {
        return;
      }
      input.focus({ preventScroll: true });
    };
    // After any click (its handlers have run and rendered), the scanner gets focus back.
    const handleClick = () => window.setTimeout(focusInput, 0);
    const handleVisible = () => {
      if (document.visibilityState === 'visible') {
        focusInput();
      }
    };
    // Keys typed while a button or the page has focus go into the input: a scan never gets lost.
    const handleKeyDown = (event: globalThis.KeyboardEvent) => {
      const input = inputRef.current;
      const active = document.activeElement;
      if (!input || event.target === input || event.defaultPrevented) {
        return;
      }
      if (
        isTextEntry(active) ||
        isInDialog(active) ||
        event.ctrlKey ||
        event.metaKey ||
        event.altKey
      ) {
        return;
      }
      const now = Date.now();
      const isInBurst = now - lastKeyAt.current < BURST_GAP_MS;
      if (event.key.length === 1 && (event.key !== ' ' || isInBurst)) {
        event.preventDefault();
        input.focus({ preventScroll: true });
        input.value += event.key;
        lastKeyAt.current = now;
        return;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && isInBurst && input.value !== '') {
        event.preventDefault();
        input.focus({ preventScroll: true });
        submit();
      }
    };
    focusInput();
    document.addEventListener('click', handleClick);
    document.addEventListener('keydown', handleKeyDown, true);
    document.addEventListener('visibilitychange', handleVisible);
    window.addEventListener('focus', focusInput);
    return () => {
      document.removeEventListener('click', handleClick);
      document.removeEventListener('keydown', handleKeyDown, true);
      document.removeEventListener('visibilitychange', handleVisible);
      window.removeEventListener('focus', focusInput);
    };
  }, [inputRef, lastKeyAt, submit, isEnabled]);
}

/**
 * One input fed by a keyboard-wedge scanner or typing. Enter or Tab ends a code, which goes to
 * `onCode` as typed (raw: normalise it with common/qr.ts); the input is cleared at once so the next
 * scan can start. Empty submissions are ignored. The input is uncontrolled: no render per key.
 */
export function useScanInput(
  onCode: (raw: string) => void,
  { keepFocus = true, isActive = true }: UseScanInputOptions = {},
): ScanInputController {
  const inputRef = useRef<HTMLInputElement>(null);
  const onCodeRef = useLatest(onCode);
  const lastKeyAt = useRef(0);
  const lastSubmitAt = useRef(Number.NEGATIVE_INFINITY);

  const submit = useCallback(() => {
    const input = inputRef.current;
    if (!input) {
      return;
    }
    const raw = input.value;
    input.value = '';
    lastSubmitAt.current = Date.now();
    if (raw.trim().length > 0) {
      onCodeRef.current(raw);
    }
  }, [onCodeRef]);

  const focus = useCallback(() => inputRef.current?.focus({ preventScroll: true }), []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.nativeEvent.isComposing) {
        return;
      }
      const now = Date.now();
      const isSuffixTab = now - lastSubmitAt.current < SUFFIX_TAB_MS;
      const endsCode =
        event.key === 'Enter' ||
        (event.key === 'Tab' &&
          !event.shiftKey &&
          (event.currentTarget.value !== '' || isSuffixTab));
      if (endsCode) {
        event.preventDefault();
        submit();
        return;
      }
      lastKeyAt.current = now;
    },
    [submit],
  );

  const onBlur = useCallback(
    (event: React.FocusEvent<HTMLInputElement>) => {
      // Focus went nowhere (a tap on empty space, an element removed): take it back. Focus moved
      // to a control (keyboard navigation, a tapped button) is left there; a click returns it.
      if (keepFocus && isActive && event.relatedTarget === null) {
        window.setTimeout(() => {
          if (document.hasFocus() && !isTextEntry(document.activeElement)) {
            inputRef.current?.focus({ preventScroll: true });
          }
        }, 0);
      }
    },
    [keepFocus, isActive],
  );

  useFocusKeeper({ inputRef, lastKeyAt, submit, isEnabled: keepFocus && isActive });

  return {
    inputRef,
    inputProps: {
      onKeyDown,
      onBlur,
      autoComplete: 'off',
      autoCorrect: 'off',
      autoCapitalize: 'characters',
      spellCheck: false,
      enterKeyHint: 'go',
    },
    submit,
    focus,
  };
}
