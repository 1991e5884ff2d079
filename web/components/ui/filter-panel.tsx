import { useId, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import './filter-panel.css';

export interface FilterPanelProps {
  /** The landmark's name, e.g. "Filter bags". */
  label: string;
  /** Always visible (a search box). */
  primary: ReactNode;
  /** Folded behind "Filters" on phones. */
  children: ReactNode;
  activeCount: number;
  onClear?: () => void;
}

/** A search landmark: the main field always in view, the rest folded on phones. */
export function FilterPanel({ label, primary, children, activeCount, onClear }: FilterPanelProps) {
  const [isOpen, setIsOpen] = useState(false);
  const moreId = useId();
  return (
    <div role="search" aria-label={label} className="filter-panel">
      <div className="filter-panel__primary">
        {primary}
        <Button
          variant="secondary"
          className="filter-panel__toggle"
          aria-expanded={isOpen}
          aria-controls={moreId}
          onClick={() => setIsOpen((open) => !open)}
        >
          {activeCount > 0 ? `Filters (${activeCount})` : 'Filters'}
        </Button>
      </div>
      <div id={moreId} className={`filter-panel__more${isOpen ? ' filter-panel__more--open' : ''}`}>
        {children}
        {onClear && activeCount > 0 ? (
          <Button variant="ghost" className="filter-panel__clear" onClick={onClear}>
            Clear filters
          </Button>
        ) : null}
      </div>
    </div>
  );
}
