import type { AuthState } from '@common/contracts/auth';
import type { Bag, Scan } from '@common/contracts/bags';
import type { Bill } from '@common/contracts/bills';
import type { ReturnTicketDetail } from '@common/contracts/returns';
import type { Stats } from '@common/contracts/stats';
import type { User } from '@common/contracts/users';

let nextId = 100;

/** A user as GET /api/users answers it; unique id and username per call. */
export function buildUser(overrides: Partial<User> = {}): User {
  nextId += 1;
  const username = overrides.username ?? `user${nextId}`;
  return {
    id: nextId,
    username,
    email: `${username}@example.com`,
    role: 'biller',
    dispatchArea: null,
    active: true,
    twoFactor: false,
    lockedUntil: null,
    lastLoginAt: null,
    createdAt: '2025-03-01T08:00:00.000Z',
    updatedAt: '2025-03-01T08:00:00.000Z',
    ...overrides,
  };
}

/** GET /api/auth/me for `user`, with a session far from its end unless told otherwise. */
export function buildAuthState(user: User, session: Partial<AuthState['session']> = {}): AuthState {
  const now = Date.now();
  return {
    user,
    csrfToken: `csrf-${user.id}`,
    session: {
      expiresAt: new Date(now + 60 * 60_000).toISOString(),
      idleExpiresAt: new Date(now + 30 * 60_000).toISOString(),
      ...session,
    },
  };
}

/** GET /api/stats: all zero unless told otherwise. */
export function buildStats(overrides: Partial<Stats> = {}): Stats {
  return {
    parents: 0,
    children: 0,
    unlinkedChildren: 0,
    bills: { new: 0, processing: 0, completed: 0 },
    scansToday: 0,
    scansLastHour: 0,
    perHour: Array.from({ length: 24 }, (_, hour) => ({
      hour: `${String(hour).padStart(2, '0')}:00`,
      scans: 0,
    })),
    topStations: [],
    day: '2025-03-03',
    timeZone: 'Asia/Kolkata',
    updatedAt: new Date().toISOString(),
    ...overrides,
  };
}

let nextScanId = 1000;

/** A recorded scan as GET /api/scans answers it. */
export function buildScan(overrides: Partial<Scan> = {}): Scan {
  nextScanId += 1;
  return {
    id: String(nextScanId),
    at: '2025-03-03T08:30:00.000Z',
    kind: 'child',
    qr: `C-${nextScanId}`,
    target: 'SB12260',
    user: 'ravi',
    station: 'Desk 1',
    dispatchArea: 'hisar',
    created: true,
    duplicate: false,
    ...overrides,
  };
}

/** A bag as the lists and lookup answer it. */
export function buildBag(overrides: Partial<Bag> = {}): Bag {
  return {
    qr: 'SB12260',
    type: 'parent',
    kind: 'SB',
    status: 'in_progress',
    childCount: 2,
    weightKg: 2,
    dispatchArea: 'hisar',
    createdAt: '2025-03-03T08:00:00.000Z',
    createdBy: 'ravi',
    ...overrides,
  };
}

/** A bill as GET /api/bills/:billNo answers it: new, empty, capacity 2 unless told otherwise. */
export function buildBill(overrides: Partial<Bill> = {}): Bill {
  return {
    billNo: 'B-100',
    description: null,
    status: 'new',
    capacity: 2,
    parentCount: 0,
    childCount: 0,
    actualWeightKg: 0,
    expectedWeightKg: 0,
    differenceKg: 0,
    fillPercent: 0,
    destination: 'Hisar depot',
    vehicleNumber: 'HR26 1234',
    completionReason: null,
    createdBy: { username: 'ravi', role: 'biller', dispatchArea: null },
    createdAt: '2025-03-03T08:00:00.000Z',
    updatedAt: '2025-03-03T08:00:00.000Z',
    completedAt: null,
    ...overrides,
  };
}

/** An open return ticket with no lines unless told otherwise. */
export function buildReturnTicket(overrides: Partial<ReturnTicketDetail> = {}): ReturnTicketDetail {
  return {
    code: 'RTN-20250303-AB12',
    location: 'hisar',
    notes: null,
    status: 'open',
    bagCount: 0,
    childCount: 0,
    weightKg: 0,
    createdBy: 'ravi',
    createdAt: '2025-03-03T09:00:00.000Z',
    updatedAt: '2025-03-03T09:00:00.000Z',
    closedAt: null,
    lines: [],
    ...overrides,
  };
}
