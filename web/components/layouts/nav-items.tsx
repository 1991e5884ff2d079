import type { ReactNode } from 'react';
import type { Role } from '@common/roles';
import {
  AccountIcon,
  AuditIcon,
  BagsIcon,
  BillsIcon,
  DashboardIcon,
  KindsIcon,
  LookupIcon,
  PackIcon,
  ScansIcon,
  SummaryIcon,
  UndoIcon,
  UsersIcon,
} from '@/components/ui/icons';
import { paths } from '@/config/paths';
import { canOpen, type Screen } from '@/lib/authorization';

export interface NavItem {
  screen: Screen;
  to: string;
  label: string;
  icon: ReactNode;
  /** What the screen is for, on the phone's "More" page. */
  description: string;
  isEnd?: boolean;
}

export interface NavSection {
  title: string;
  items: readonly NavItem[];
}

/** The four primary actions: the bottom bar on phones, the top of the side column on desktop. */
export const PRIMARY_ITEMS: readonly NavItem[] = [
  {
    screen: 'pack',
    to: paths.app.pack.getHref(),
    label: 'Pack',
    icon: <PackIcon />,
    description: 'Packing station: a parent, then its child bags.',
  },
  {
    screen: 'bills',
    to: paths.app.bills.getHref(),
    label: 'Bills',
    icon: <BillsIcon />,
    description: 'Dispatch bills.',
  },
  {
    screen: 'lookup',
    to: paths.app.lookup.getHref(),
    label: 'Lookup',
    icon: <LookupIcon />,
    description: 'Any code’s whole story.',
  },
  {
    screen: 'dashboard',
    to: paths.app.dashboard.getHref(),
    label: 'Dashboard',
    icon: <DashboardIcon />,
    description: 'Today’s numbers, live.',
    isEnd: true,
  },
];

/** The rest, in sections: the side column on desktop, the "More" page on phones. */
export const SECONDARY_SECTIONS: readonly NavSection[] = [
  {
    title: 'Lists',
    items: [
      {
        screen: 'bags',
        to: paths.app.bags.getHref(),
        label: 'Bags',
        icon: <BagsIcon />,
        description: 'Parent and child bags, with filters.',
      },
      {
        screen: 'scans',
        to: paths.app.scans.getHref(),
        label: 'Scans',
        icon: <ScansIcon />,
        description: 'Every recorded scan: who, where, when.',
      },
      {
        screen: 'returns',
        to: paths.app.returns.getHref(),
        label: 'Returns',
        icon: <UndoIcon />,
        description: 'IPT return tickets: parents coming back from a bill.',
      },
    ],
  },
  {
    title: 'Reports',
    items: [
      {
        screen: 'summary',
        to: paths.app.summary.getHref(),
        label: 'Daily summary',
        icon: <SummaryIcon />,
        description: 'A day’s bills: print view, PDF and end-of-day figures.',
      },
    ],
  },
  {
    title: 'Admin',
    items: [
      {
        screen: 'users',
        to: paths.app.users.getHref(),
        label: 'Users',
        icon: <UsersIcon />,
        description: 'Accounts, roles, areas, unlocking.',
      },
      {
        screen: 'bagKinds',
        to: paths.app.bagKinds.getHref(),
        label: 'Bag kinds',
        icon: <KindsIcon />,
        description: 'Parent formats: prefix, pattern, capacity.',
      },
      {
        screen: 'audit',
        to: paths.app.audit.getHref(),
        label: 'Audit log',
        icon: <AuditIcon />,
        description: 'Every change and security event.',
      },
    ],
  },
  {
    title: 'You',
    items: [
      {
        screen: 'account',
        to: paths.app.account.getHref(),
        label: 'Account',
        icon: <AccountIcon />,
        description: 'Your profile and password.',
      },
    ],
  },
];

/** The sections a role may use (SPEC §3): screens it may not open are not offered. */
export function sectionsFor(role: Role): NavSection[] {
  return SECONDARY_SECTIONS.map((section) => ({
    ...section,
    items: section.items.filter((item) => canOpen(role, item.screen)),
  })).filter((section) => section.items.length > 0);
}

export function primaryItemsFor(role: Role): NavItem[] {
  return PRIMARY_ITEMS.filter((item) => canOpen(role, item.screen));
}
