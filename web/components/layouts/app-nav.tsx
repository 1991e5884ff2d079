import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import {
  AccountIcon,
  BillsIcon,
  DashboardIcon,
  LookupIcon,
  PackIcon,
  UsersIcon,
} from '@/components/ui/icons';
import { paths } from '@/config/paths';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  isEnd?: boolean;
}

/** The four primary actions: the bottom bar on phones, the top of the side column on desktop. */
const PRIMARY_ITEMS: readonly NavItem[] = [
  { to: paths.app.pack.getHref(), label: 'Pack', icon: <PackIcon /> },
  { to: paths.app.bills.getHref(), label: 'Bills', icon: <BillsIcon /> },
  { to: paths.app.lookup.getHref(), label: 'Lookup', icon: <LookupIcon /> },
  { to: paths.app.dashboard.getHref(), label: 'Dashboard', icon: <DashboardIcon />, isEnd: true },
];

const ADMIN_ITEMS: readonly NavItem[] = [
  { to: paths.app.users.getHref(), label: 'Users', icon: <UsersIcon /> },
];

const ACCOUNT_ITEM: NavItem = {
  to: paths.app.account.getHref(),
  label: 'Account',
  icon: <AccountIcon />,
};

function NavItems({ items }: { items: readonly NavItem[] }) {
  return items.map((item) => (
    <li key={item.to}>
      <NavLink to={item.to} end={item.isEnd} className="app-nav__link">
        {item.icon}
        <span className="app-nav__label">{item.label}</span>
      </NavLink>
    </li>
  ));
}

/** One navigation landmark; CSS lays it out as a bottom bar (< 960px) or a side column. */
export function AppNav({ isAdmin }: { isAdmin: boolean }) {
  return (
    <nav className="app-nav" aria-label="Main">
      <ul className="app-nav__list app-nav__list--primary">
        <NavItems items={PRIMARY_ITEMS} />
      </ul>
      {isAdmin ? (
        <div className="app-nav__section">
          <p className="app-nav__heading">Admin</p>
          <ul className="app-nav__list">
            <NavItems items={ADMIN_ITEMS} />
          </ul>
        </div>
      ) : null}
      <div className="app-nav__section">
        <ul className="app-nav__list">
          <NavItems items={[ACCOUNT_ITEM]} />
        </ul>
      </div>
    </nav>
  );
}
