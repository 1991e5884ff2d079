import { useState, type FormEvent } from 'react';
import type { BagKind } from '@common/contracts/bags';
import { kindRegExp, normaliseCode } from '@common/qr';
import { useCreateBagKind } from '@/features/bag-kinds/api/create-bag-kind';
import { useUpdateBagKind } from '@/features/bag-kinds/api/update-bag-kind';
import {
  EMPTY_KIND_FORM,
  kindServerErrors,
  kindToForm,
  toCreateBody,
  toPatchBody,
  validateKindForm,
  type KindField,
  type KindFormErrors,
  type KindFormValues,
} from '@/features/bag-kinds/utils/kind-form';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';

export interface BagKindFormProps {
  /** Editing this kind; a new kind when absent. */
  kind?: BagKind;
  onDone: (kind: BagKind) => void;
  onCancel: () => void;
}

function PatternTester({ pattern }: { pattern: string }) {
  const [sample, setSample] = useState('');
  const re = kindRegExp(pattern.trim());
  const code = normaliseCode(sample);
  let result = '';
  if (code && re) {
    result = re.test(code) ? `${code} matches: a parent of this kind.` : `${code} does not match.`;
  }
  return (
    <div className="kind-tester">
      <TextField
        label="Try a code"
        value={sample}
        onChange={(e) => setSample(e.target.value)}
        placeholder="SB12260"
      />
      <p className="muted" aria-live="polite">
        {result}
      </p>
    </div>
  );
}

interface KindFieldsProps {
  isNew: boolean;
  values: KindFormValues;
  errors: KindFormErrors;
  set: (field: KindField, value: string) => void;
}

function KindFields({ isNew, values, errors, set }: KindFieldsProps) {
  return (
    <>
      {isNew ? (
        <TextField
          label="Code"
          value={values.code}
          error={errors.code}
          autoCapitalize="characters"
          onChange={(e) => set('code', e.target.value)}
          hint="Short and permanent, like RB."
        />
      ) : null}
      <TextField
        label="Name"
        value={values.label}
        error={errors.label}
        onChange={(e) => set('label', e.target.value)}
        hint="Shown to people, like “RB (rapeseed)”."
      />
      <TextField
        label="Reserved prefix"
        value={values.prefix}
        error={errors.prefix}
        autoCapitalize="characters"
        onChange={(e) => set('prefix', e.target.value)}
        hint="Every code starting with it must match the pattern."
      />
      <TextField
        label="Pattern"
        value={values.pattern}
        error={errors.pattern}
        spellCheck={false}
        className="code"
        onChange={(e) => set('pattern', e.target.value)}
        hint="A regular expression, like ^RB\d{5}$."
      />
      <PatternTester pattern={values.pattern} />
      <div className="kind-form__numbers">
        <TextField
          label="Children per parent"
          type="number"
          inputMode="numeric"
          min={1}
          max={1000}
          value={values.maxChildren}
          error={errors.maxChildren}
          onChange={(e) => set('maxChildren', e.target.value)}
        />
        <TextField
          label="Expected kg per parent"
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          value={values.expectedKg}
          error={errors.expectedKg}
          onChange={(e) => set('expectedKg', e.target.value)}
        />
      </div>
    </>
  );
}

/** Add or edit a parent format; checked locally first, then by the server. */
export function BagKindForm({ kind, onDone, onCancel }: BagKindFormProps) {
  const isNew = !kind;
  const [values, setValues] = useState(() => (kind ? kindToForm(kind) : EMPTY_KIND_FORM));
  const [errors, setErrors] = useState<KindFormErrors>({});
  const onError = (error: unknown) => setErrors(kindServerErrors(error));
  const create = useCreateBagKind({ onSuccess: onDone });
  const update = useUpdateBagKind({ onSuccess: onDone });
  const set = (field: KindField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined, form: undefined }));
  };

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = validateKindForm(values, isNew);
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    if (isNew) {
      create.mutate(toCreateBody(values), { onError });
      return;
    }
    const patch = toPatchBody(values, kind);
    if (Object.keys(patch).length === 0) {
      onCancel();
      return;
    }
    update.mutate({ code: kind.code, patch }, { onError });
  }

  const title = isNew ? 'New bag kind' : `Edit ${kind.code}`;
  return (
    <form className="kind-form" aria-label={title} onSubmit={handleSubmit} noValidate>
      <h2>{title}</h2>
      {errors.form ? <Banner tone="error">{errors.form}</Banner> : null}
      <KindFields isNew={isNew} values={values} errors={errors} set={set} />
      <div className="row">
        <Button type="submit" isLoading={create.isPending || update.isPending}>
          {isNew ? 'Add kind' : 'Save changes'}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
