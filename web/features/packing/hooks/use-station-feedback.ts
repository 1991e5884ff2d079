import { useEffect } from 'react';
import type { Feedback, FeedbackTone } from '@/features/packing/utils/station-state';
import { giveScanFeedback, type ScanTone } from '@/lib/scanner/scan-feedback';

const SOUND: Record<FeedbackTone, ScanTone | null> = {
  parent: 'parent',
  child: 'child',
  duplicate: 'duplicate',
  complete: 'complete',
  undo: 'undo',
  error: 'error',
  info: null,
};

export type FlashTone = 'success' | 'error' | null;

export function flashToneOf(tone: FeedbackTone): FlashTone {
  if (tone === 'error') {
    return 'error';
  }
  return tone === 'info' || tone === 'undo' ? null : 'success';
}

/** Plays the tone and vibration of each new feedback once (the flash is rendered by its id). */
export function useStationFeedback(feedback: Feedback | null): void {
  const id = feedback?.id ?? 0;
  const tone = feedback?.tone ?? null;
  useEffect(() => {
    const sound = tone ? SOUND[tone] : null;
    if (id > 0 && sound) {
      giveScanFeedback(sound);
    }
  }, [id, tone]);
}
