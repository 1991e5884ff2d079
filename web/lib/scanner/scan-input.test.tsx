import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ScanInput } from '@/lib/scanner/scan-input';

interface HarnessProps {
  onCode: (raw: string) => void;
  keepFocus?: boolean;
}

/** A station-like screen: the scanner input, a button, another text field and a "dialog". */
function Harness({ onCode, keepFocus = true }: HarnessProps) {
  const [clicks, setClicks] = useState(0);
  const [isDialogOpen, setIsDialogOpen] = useState(false);
  return (
    <div>
      <ScanInput
        label="Scan a code"
        onCode={onCode}
        keepFocus={keepFocus}
        isActive={!isDialogOpen}
      />
      <button type="button" onClick={() => setClicks((n) => n + 1)}>
        Undo last ({clicks})
      </button>
      <label>
        Note
        <input type="text" />
      </label>
      <button type="button" onClick={() => setIsDialogOpen(true)}>
        Rename station
      </button>
      {isDialogOpen ? (
        <div role="dialog" aria-label="Rename">
          <button type="button" onClick={() => setIsDialogOpen(false)}>
            Close
          </button>
        </div>
      ) : null}
      <p>Empty space</p>
    </div>
  );
}

function setup(props: Partial<HarnessProps> = {}) {
  const onCode = vi.fn<(raw: string) => void>();
  const user = userEvent.setup({ delay: null });
  render(<Harness onCode={onCode} {...props} />);
  const input = screen.getByRole('textbox', { name: 'Scan a code' });
  return { onCode, user, input };
}

describe('useScanInput: codes', () => {
  it('hands a scanner burst ending with Enter to onCode and clears the input', async () => {
    const { onCode, user, input } = setup();
    await waitFor(() => expect(input).toHaveFocus());

    await user.keyboard('SB12260{Enter}');

    expect(onCode).toHaveBeenCalledWith('SB12260');
    expect(input).toHaveValue('');
    expect(input).toHaveFocus();
  });

  it('accepts Tab as the end of a code and keeps focus on the input', async () => {
    const { onCode, user, input } = setup();
    await waitFor(() => expect(input).toHaveFocus());

    await user.keyboard('0016586{Tab}');

    expect(onCode).toHaveBeenCalledExactlyOnceWith('0016586');
    expect(input).toHaveFocus();
  });

  it('swallows the Tab of an "Enter + Tab" suffix', async () => {
    const { onCode, user, input } = setup();
    await waitFor(() => expect(input).toHaveFocus());

    await user.keyboard('0016586{Enter}{Tab}');

    expect(onCode).toHaveBeenCalledExactlyOnceWith('0016586');
    expect(input).toHaveFocus();
  });

  it('passes the raw payload (spaces included) of a child label sentence', async () => {
    const { onCode, user, input } = setup();
    await waitFor(() => expect(input).toHaveFocus());

    await user.keyboard('LABEL NO.:0016586 LOT NO.:STAR44{Enter}');

    expect(onCode).toHaveBeenCalledWith('LABEL NO.:0016586 LOT NO.:STAR44');
  });

  it('ignores an empty Enter and handles consecutive scans one by one', async () => {
    const { onCode, user, input } = setup();
    await waitFor(() => expect(input).toHaveFocus());

    await user.keyboard('{Enter}A1{Enter}A2{Enter}{Enter}A3{Enter}');

    expect(onCode.mock.calls.map(([raw]) => raw)).toEqual(['A1', 'A2', 'A3']);
  });

  it('works for codes typed by hand', async () => {
    const onCode = vi.fn<(raw: string) => void>();
    const user = userEvent.setup({ delay: 20 });
    render(<Harness onCode={onCode} />);
    const input = screen.getByRole('textbox', { name: 'Scan a code' });
    await waitFor(() => expect(input).toHaveFocus());

    await user.type(input, 'm444-00001{Enter}');

    expect(onCode).toHaveBeenCalledWith('m444-00001');
  });
});

describe('useScanInput: focus', () => {
  it('takes focus back after a button is clicked, once its handler has run', async () => {
    const { user, input } = setup();
    await waitFor(() => expect(input).toHaveFocus());

    await user.click(screen.getByRole('button', { name: 'Undo last (0)' }));

    expect(screen.getByRole('button', { name: 'Undo last (1)' })).toBeInTheDocument();
    await waitFor(() => expect(input).toHaveFocus());
  });

  it('takes focus back after a click on empty space', async () => {
    const { user, input } = setup();
    await waitFor(() => expect(input).toHaveFocus());

    await user.click(screen.getByText('Empty space'));

    await waitFor(() => expect(input).toHaveFocus());
  });

  it('sends a scan that arrives while a button has focus into the input', async () => {
    const { onCode, user, input } = setup();
    const button = screen.getByRole('button', { name: 'Undo last (0)' });
    await user.tab();
    button.focus();
    expect(button).toHaveFocus();

    await user.keyboard('SB12260{Enter}');

    expect(onCode).toHaveBeenCalledExactlyOnceWith('SB12260');
    expect(input).toHaveFocus();
    // Enter ended the scan: it did not press the button.
    expect(screen.getByRole('button', { name: 'Undo last (0)' })).toBeInTheDocument();
  });

  it('leaves another text field alone: typing there is not a scan', async () => {
    const { onCode, user } = setup();
    const note = screen.getByRole('textbox', { name: 'Note' });

    await user.click(note);
    await user.keyboard('hello{Enter}');

    expect(note).toHaveValue('hello');
    expect(note).toHaveFocus();
    expect(onCode).not.toHaveBeenCalled();
  });

  it('lets focus stay in an open dialog and recovers it when the dialog closes', async () => {
    const { user, input } = setup();
    await waitFor(() => expect(input).toHaveFocus());

    await user.click(screen.getByRole('button', { name: 'Rename station' }));
    const close = screen.getByRole('button', { name: 'Close' });
    close.focus();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(close).toHaveFocus();

    await user.click(close);

    await waitFor(() => expect(input).toHaveFocus());
  });

  it('without keepFocus (lookup), a click elsewhere keeps its own focus', async () => {
    const { user, input } = setup({ keepFocus: false });
    const button = screen.getByRole('button', { name: 'Undo last (0)' });

    await user.click(input);
    await user.click(button);
    await new Promise((resolve) => setTimeout(resolve, 10));

    expect(button).toHaveFocus();
  });
});
