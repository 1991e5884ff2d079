import { NavLink } from 'react-router';
import type { Role } from '@common/roles';
import { primaryItemsFor, sectionsFor, type NavItem } from '@/components/layouts/nav-items';
import { MoreIcon } from '@/components/ui/icons';
import { paths } from '@/config/paths';

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

/**
 * One navigation landmark, offering only what the role may open. CSS lays it out as a bottom bar
 * (< 960px: the four primary actions and "More") or a side column with every section.
 */
export function AppNav({ role }: { role: Role }) {
  return (
    <nav className="app-nav" aria-label="Main">
      <ul className="app-nav__list app-nav__list--primary">
        <NavItems items={primaryItemsFor(role)} />
        <li className="app-nav__phone-only">
          <NavLink to={paths.app.more.getHref()} className="app-nav__link">
            <MoreIcon />
            <span className="app-nav__label">More</span>
          </NavLink>
        </li>
      </ul>
      {sectionsFor(role).map((section) => (
        <div key={section.title} className="app-nav__section">
          <p className="app-nav__heading">{section.title}</p>
          <ul className="app-nav__list">
            <NavItems items={section.items} />
          </ul>
        </div>
      ))}
    </nav>
  );
}
