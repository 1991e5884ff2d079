import type { Classification, BagKindRule } from '@common/qr';
import { wrongTypeText } from '@/features/packing/utils/scan-messages';
import type { StationState } from '@/features/packing/utils/station-state';

/** What a scanned code means in the station's current state (SPEC §4), decided locally. */
export type ScanDecision =
  | { type: 'open-parent'; code: string; kind: BagKindRule }
  | { type: 'pack-child'; code: string; parentQr: string }
  | { type: 'refuse'; code: string; text: string; switchTo: string | null };

/**
 * PARENT state takes parent codes, CHILD state child codes; anything else is refused at once,
 * before any round trip (the server applies the same rules to whatever it is sent). A parent
 * code in CHILD state is offered as "Finish and start …" instead of silently switching.
 */
export function decideScan(
  state: StationState,
  scanned: Classification,
  raw: string,
): ScanDecision {
  if (scanned.type === 'error') {
    return {
      type: 'refuse',
      code: scanned.code || raw.trim(),
      text: scanned.message,
      switchTo: null,
    };
  }
  const { parent } = state;
  if (state.mode === 'parent' || !parent) {
    return scanned.type === 'parent'
      ? { type: 'open-parent', code: scanned.code, kind: scanned.kind }
      : {
          type: 'refuse',
          code: scanned.code,
          text: wrongTypeText(scanned.code, 'child'),
          switchTo: null,
        };
  }
  if (scanned.type === 'child') {
    return { type: 'pack-child', code: scanned.code, parentQr: parent.qr };
  }
  if (scanned.code === parent.qr) {
    return {
      type: 'refuse',
      code: scanned.code,
      text: `${scanned.code} is the open parent. Scan its child bags, or Finish.`,
      switchTo: null,
    };
  }
  return {
    type: 'refuse',
    code: scanned.code,
    text: wrongTypeText(scanned.code, 'parent'),
    switchTo: scanned.code,
  };
}
