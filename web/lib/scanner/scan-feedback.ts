/**
 * Audible and haptic feedback for scan results (SPEC §4, STYLE §5.8): distinct Web Audio tones
 * for a parent, a child, a duplicate, a full parent and an error, and a vibration where supported.
 * Everything is best effort: no audio or vibration support means silence, never an error.
 */

export type ScanTone = 'parent' | 'child' | 'duplicate' | 'complete' | 'undo' | 'error';

interface Note {
  hz: number;
  ms: number;
  wave?: OscillatorType;
  /** Silence after the note. */
  gapMs?: number;
}

const TONES: Record<ScanTone, readonly Note[]> = {
  // Rising two-note chime: a parent is open.
  parent: [
    { hz: 660, ms: 90, gapMs: 20 },
    { hz: 990, ms: 150 },
  ],
  // One short high beep: a child is in.
  child: [{ hz: 1320, ms: 90 }],
  // Two short beeps: already in this parent (nothing changed).
  duplicate: [
    { hz: 1175, ms: 60, gapMs: 60 },
    { hz: 1175, ms: 60 },
  ],
  // Rising arpeggio: the parent is full.
  complete: [
    { hz: 784, ms: 90 },
    { hz: 988, ms: 90 },
    { hz: 1319, ms: 220 },
  ],
  // Falling two notes: a link was taken back.
  undo: [
    { hz: 880, ms: 90, gapMs: 20 },
    { hz: 587, ms: 150 },
  ],
  // Low buzz falling: refused.
  error: [
    { hz: 220, ms: 200, wave: 'square', gapMs: 40 },
    { hz: 147, ms: 320, wave: 'square' },
  ],
};

const VIBRATION: Record<ScanTone, number | number[]> = {
  parent: [40, 40, 40],
  child: 40,
  duplicate: [30, 50, 30],
  complete: [60, 40, 60, 40, 120],
  undo: [80],
  error: [150, 80, 150],
};

const SOUND_KEY = 'tracetrack.sound';

export function isSoundOn(): boolean {
  try {
    return window.localStorage.getItem(SOUND_KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setSoundOn(isOn: boolean): void {
  try {
    window.localStorage.setItem(SOUND_KEY, isOn ? 'on' : 'off');
  } catch {
    // Private mode without storage: the choice lasts until reload.
  }
}

type AudioContextClass = typeof AudioContext;
let context: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (context) {
    return context;
  }
  const scope = window as unknown as {
    AudioContext?: AudioContextClass;
    webkitAudioContext?: AudioContextClass;
  };
  const Ctor = scope.AudioContext ?? scope.webkitAudioContext;
  if (!Ctor) {
    return null;
  }
  try {
    context = new Ctor();
  } catch {
    return null;
  }
  return context;
}

function playNotes(ctx: AudioContext, notes: readonly Note[]) {
  let at = ctx.currentTime + 0.01;
  for (const note of notes) {
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = note.wave ?? 'sine';
    oscillator.frequency.value = note.hz;
    const end = at + note.ms / 1000;
    // A short attack and release: no clicks.
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(note.wave === 'square' ? 0.12 : 0.3, at + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, end);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(at);
    oscillator.stop(end + 0.02);
    at = end + (note.gapMs ?? 0) / 1000;
  }
}

/** Plays the tone of a scan result (when sound is on). The first call must follow a key or tap. */
export function playTone(tone: ScanTone): void {
  if (!isSoundOn()) {
    return;
  }
  const ctx = audioContext();
  if (!ctx) {
    return;
  }
  if (ctx.state === 'suspended') {
    void ctx.resume().catch(() => undefined);
  }
  try {
    playNotes(ctx, TONES[tone]);
  } catch {
    // An audio device that went away: stay silent.
  }
}

/** Vibrates the device where the browser allows it (Android Chrome; not iOS). */
export function vibrate(tone: ScanTone): void {
  try {
    navigator.vibrate?.(VIBRATION[tone]);
  } catch {
    // Not allowed here (no user activation yet): fine.
  }
}

/** Tone and vibration together: what every scan result gives. */
export function giveScanFeedback(tone: ScanTone): void {
  playTone(tone);
  vibrate(tone);
}
