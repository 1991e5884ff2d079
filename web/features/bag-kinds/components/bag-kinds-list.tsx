import { useState } from 'react';
import type { BagKind } from '@common/contracts/bags';
import { useBagKinds } from '@/features/bag-kinds/api/get-bag-kinds';
import { BagKindForm } from '@/features/bag-kinds/components/bag-kind-form';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { friendlyErrorMessage } from '@/lib/error-messages';
import '@/components/ui/data-list.css';
import './bag-kinds.css';

function KindCard({ kind, onChanged }: { kind: BagKind; onChanged: (notice: string) => void }) {
  const [isEditing, setIsEditing] = useState(false);
  return (
    <li className="data-row">
      <div className="data-row__head">
        <h3 className="data-row__title">{kind.label}</h3>
        <span className="code muted">{kind.code}</span>
        <Button
          variant={isEditing ? 'ghost' : 'secondary'}
          className="kind-card__edit"
          aria-expanded={isEditing}
          aria-label={`${isEditing ? 'Close editing' : 'Edit'} ${kind.code}`}
          onClick={() => setIsEditing((value) => !value)}
        >
          {isEditing ? 'Close' : 'Edit'}
        </Button>
      </div>
      <dl className="data-row__meta">
        <div>
          <dt>Prefix</dt>
          <dd className="code">{kind.prefix}</dd>
        </div>
        <div>
          <dt>Pattern</dt>
          <dd className="code">{kind.pattern}</dd>
        </div>
        <div>
          <dt>Children</dt>
          <dd>{kind.maxChildren}</dd>
        </div>
        <div>
          <dt>Expected</dt>
          <dd>{kind.expectedKg} kg</dd>
        </div>
      </dl>
      {isEditing ? (
        <BagKindForm
          kind={kind}
          onCancel={() => setIsEditing(false)}
          onDone={(saved) => {
            setIsEditing(false);
            onChanged(`Saved ${saved.code}.`);
          }}
        />
      ) : null}
    </li>
  );
}

/** Every parent format (SPEC §2), editable in place. */
export function BagKindsList({ onChanged }: { onChanged: (notice: string) => void }) {
  const query = useBagKinds();
  if (query.isPending) {
    return <Spinner size="lg" label="Loading bag kinds…" />;
  }
  if (query.isError) {
    return <Banner tone="error">{friendlyErrorMessage(query.error)}</Banner>;
  }
  return (
    <ul className="data-list" aria-label="Bag kinds">
      {query.data.items.map((kind) => (
        <KindCard key={kind.code} kind={kind} onChanged={onChanged} />
      ))}
    </ul>
  );
}
