import { useState } from 'react';
import { BagKindForm } from '@/features/bag-kinds/components/bag-kind-form';
import { BagKindsList } from '@/features/bag-kinds/components/bag-kinds-list';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { PlusIcon } from '@/components/ui/icons';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** Admins manage parent formats (bag kinds) without a release (SPEC §2). */
export function BagKindsRoute() {
  useDocumentTitle('Bag kinds');
  const [isCreating, setIsCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="page">
      <div className="page__header">
        <h1>Bag kinds</h1>
        {isCreating ? null : (
          <Button
            icon={<PlusIcon />}
            onClick={() => {
              setNotice(null);
              setIsCreating(true);
            }}
          >
            Add kind
          </Button>
        )}
      </div>
      <p className="muted">
        Each kind is a parent-bag format: codes matching its pattern are parents of that kind; other
        codes starting with its prefix are refused.
      </p>
      {notice ? <Banner tone="success">{notice}</Banner> : null}
      {isCreating ? (
        <BagKindForm
          onCancel={() => setIsCreating(false)}
          onDone={(kind) => {
            setIsCreating(false);
            setNotice(`Kind ${kind.code} added. Stations pick it up within a minute.`);
          }}
        />
      ) : null}
      <BagKindsList onChanged={setNotice} />
    </div>
  );
}
