import { describe, expect, it } from 'vitest';
import type { ScanChildResult } from '@common/contracts/bags';
import { stationReducer, type StationAction } from '@/features/packing/utils/station-machine';
import {
  INITIAL_STATION_STATE,
  displayCount,
  type StationState,
} from '@/features/packing/utils/station-state';

function run(actions: StationAction[], from: StationState = INITIAL_STATION_STATE): StationState {
  return actions.reduce(stationReducer, from);
}

function childAnswer(
  qr: string,
  childCount: number,
  extra: Partial<ScanChildResult> = {},
): ScanChildResult {
  return {
    child: {
      qr,
      type: 'child',
      kind: null,
      status: null,
      childCount: 0,
      weightKg: 1,
      dispatchArea: null,
      createdAt: '',
      createdBy: null,
    },
    parent: { qr: 'SB12260', childCount, maxChildren: 30, complete: childCount === 30 },
    created: true,
    duplicate: false,
    ...extra,
  };
}

const opened = run([
  {
    type: 'parent-sent',
    id: 'p1',
    code: 'SB12260',
    kindLabel: 'SB (mustard)',
    maxChildren: 30,
    at: 1,
  },
  {
    type: 'parent-answered',
    id: 'p1',
    result: {
      bag: {
        qr: 'SB12260',
        type: 'parent',
        kind: 'SB',
        status: 'in_progress',
        childCount: 28,
        weightKg: 28,
        dispatchArea: null,
        createdAt: '',
        createdBy: null,
      },
      created: false,
      childCount: 28,
      maxChildren: 30,
      complete: false,
    },
  },
]);

describe('station machine', () => {
  it('counts children on their way once each, and trusts the server when it answers', () => {
    const state = run(
      [
        { type: 'child-sent', id: 'c1', code: 'A', at: 2 },
        { type: 'child-sent', id: 'c2', code: 'A', at: 3 },
      ],
      opened,
    );
    expect(state.parent && displayCount(state.parent)).toBe(29);

    const answered = run(
      [{ type: 'child-answered', id: 'c1', result: childAnswer('A', 29) }],
      state,
    );
    expect(answered.parent && displayCount(answered.parent)).toBe(29);
    expect(answered.rows.find((row) => row.id === 'c1')?.status).toBe('ok');
  });

  it('finishes by itself when the server says the parent is full; Undo then reopens it', () => {
    const full = run(
      [
        { type: 'child-sent', id: 'c1', code: 'A', at: 2 },
        { type: 'child-answered', id: 'c1', result: childAnswer('A', 29) },
        { type: 'child-sent', id: 'c2', code: 'B', at: 3 },
        { type: 'child-answered', id: 'c2', result: childAnswer('B', 30) },
      ],
      opened,
    );
    expect(full).toMatchObject({ mode: 'parent', parent: null, lastParent: { qr: 'SB12260' } });
    expect(full.feedback).toMatchObject({
      tone: 'complete',
      text: 'SB12260 is full: 30 / 30. Scan the next parent.',
    });

    const reopened = run(
      [
        { type: 'undo-sent', id: 'u1', parentQr: 'SB12260', at: 4 },
        {
          type: 'undo-answered',
          id: 'u1',
          result: {
            removed: 'B',
            childDeleted: true,
            parent: { qr: 'SB12260', childCount: 29, maxChildren: 30, complete: false },
          },
        },
      ],
      full,
    );
    expect(reopened).toMatchObject({
      mode: 'child',
      parent: { qr: 'SB12260', confirmedCount: 29 },
    });
    expect(reopened.rows.find((row) => row.id === 'c2')?.status).toBe('undone');
    expect(reopened.feedback?.text).toBe('Removed B from SB12260: 29 / 30. SB12260 is open again.');
  });

  it('goes back to PARENT state when the parent scan itself is refused', () => {
    const state = run([
      {
        type: 'parent-sent',
        id: 'p1',
        code: 'SB99999',
        kindLabel: 'SB (mustard)',
        maxChildren: 30,
        at: 1,
      },
      { type: 'child-sent', id: 'c1', code: 'A', at: 2 },
      {
        type: 'scan-refused',
        id: 'p1',
        text: 'SB99999 belongs to another dispatch area.',
        switchTo: null,
        isReplay: false,
      },
    ]);
    expect(state).toMatchObject({ mode: 'parent', parent: null });
    expect(state.feedback).toMatchObject({ tone: 'error' });
  });

  it('ignores answers for scans it never sent (replays of an earlier page)', () => {
    const state = run(
      [{ type: 'scan-refused', id: 'unknown', text: 'Refused', switchTo: null, isReplay: true }],
      opened,
    );
    expect(state).toBe(opened);
  });

  it('keeps only the idle time of the last scan when it resets', () => {
    const state = run([{ type: 'finish', reason: 'idle', at: 999_999 }], opened);
    expect(state).toMatchObject({ mode: 'parent', lastActivityAt: opened.lastActivityAt });
    expect(state.feedback?.text).toBe(
      'No scan for 10 minutes: back to PARENT. SB12260 stays at 28 / 30.',
    );
  });
});
