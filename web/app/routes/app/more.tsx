import { Link } from 'react-router';
import { sectionsFor } from '@/components/layouts/nav-items';
import { useAuth } from '@/app/routes/app/auth-context';
import { useDocumentTitle } from '@/hooks/use-document-title';
import './more.css';

/** Phones: every screen the bottom bar has no room for, offered by role (SPEC §3). */
export function MoreRoute() {
  useDocumentTitle('More');
  const { user } = useAuth();
  return (
    <div className="page">
      <h1>More</h1>
      {sectionsFor(user.role).map((section) => (
        <section
          key={section.title}
          className="more-section"
          aria-labelledby={`more-${section.title}`}
        >
          <h2 id={`more-${section.title}`} className="more-section__title">
            {section.title}
          </h2>
          <ul className="more-section__list">
            {section.items.map((item) => (
              <li key={item.to}>
                <Link to={item.to} className="more-link">
                  <span className="more-link__icon" aria-hidden="true">
                    {item.icon}
                  </span>
                  <span className="more-link__text">
                    <span className="more-link__label">{item.label}</span>
                    <span className="more-link__description">{item.description}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
