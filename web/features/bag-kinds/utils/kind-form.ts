import type { BagKind, CreateBagKindBody, PatchBagKindBody } from '@common/contracts/bags';
import { kindRegExp } from '@common/qr';
import { isApiError } from '@/lib/api-client';
import { friendlyErrorMessage } from '@/lib/error-messages';

export type KindField = 'code' | 'label' | 'prefix' | 'pattern' | 'maxChildren' | 'expectedKg';
export type KindFormValues = Record<KindField, string>;
export type KindFormErrors = Partial<Record<KindField | 'form', string>>;

export const EMPTY_KIND_FORM: KindFormValues = {
  code: '',
  label: '',
  prefix: '',
  pattern: '',
  maxChildren: '',
  expectedKg: '',
};

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$/;
const PREFIX = /^[A-Za-z0-9][A-Za-z0-9_/.-]{1,19}$/;

export function kindToForm(kind: BagKind): KindFormValues {
  return {
    code: kind.code,
    label: kind.label,
    prefix: kind.prefix,
    pattern: kind.pattern,
    maxChildren: String(kind.maxChildren),
    expectedKg: String(kind.expectedKg),
  };
}

/** The same rules the server applies (contract + bag-kinds service), checked before sending. */
export function validateKindForm(values: KindFormValues, isNew: boolean): KindFormErrors {
  const errors: KindFormErrors = {};
  if (isNew && !CODE.test(values.code.trim())) {
    errors.code = '1–20 letters, digits, - or _, starting with a letter or digit.';
  }
  if (!values.label.trim() || values.label.trim().length > 60) {
    errors.label = 'A name people recognise, up to 60 characters, like “SB (mustard)”.';
  }
  const prefix = values.prefix.trim().toUpperCase();
  if (!PREFIX.test(prefix)) {
    errors.prefix = '2–20 characters: letters, digits, - _ / .';
  }
  const pattern = values.pattern.trim();
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || kindRegExp(pattern) === null) {
    errors.pattern = 'A regular expression anchored with ^ and $, like ^SB\\d{5}$.';
  } else if (prefix && !pattern.toUpperCase().startsWith(`^${prefix}`)) {
    errors.pattern = `The pattern must start with the prefix: ^${prefix}…`;
  }
  const max = Number(values.maxChildren);
  if (!Number.isInteger(max) || max < 1 || max > 1000) {
    errors.maxChildren = 'A whole number from 1 to 1000.';
  }
  const kg = Number(values.expectedKg);
  if (!values.expectedKg.trim() || !Number.isFinite(kg) || kg <= 0 || kg > 100_000) {
    errors.expectedKg = 'The weight of a full parent in kg, more than 0.';
  }
  return errors;
}

export function toCreateBody(values: KindFormValues): CreateBagKindBody {
  return {
    code: values.code.trim(),
    label: values.label.trim(),
    prefix: values.prefix.trim(),
    pattern: values.pattern.trim(),
    maxChildren: Number(values.maxChildren),
    expectedKg: Number(values.expectedKg),
  };
}

/** Only what changed (PATCH needs at least one field). */
export function toPatchBody(values: KindFormValues, kind: BagKind): PatchBagKindBody {
  const next = toCreateBody(values);
  const patch: PatchBagKindBody = {};
  if (next.label !== kind.label) {
    patch.label = next.label;
  }
  if (next.prefix.toUpperCase() !== kind.prefix.toUpperCase()) {
    patch.prefix = next.prefix;
  }
  if (next.pattern !== kind.pattern) {
    patch.pattern = next.pattern;
  }
  if (next.maxChildren !== kind.maxChildren) {
    patch.maxChildren = next.maxChildren;
  }
  if (next.expectedKg !== kind.expectedKg) {
    patch.expectedKg = next.expectedKg;
  }
  return patch;
}

/** A server refusal placed on the field it is about. */
export function kindServerErrors(error: unknown): KindFormErrors {
  if (!isApiError(error)) {
    return { form: friendlyErrorMessage(error) };
  }
  const field = error.details?.field;
  switch (error.code) {
    case 'BAG_KIND_EXISTS':
      return { code: 'A kind with this code exists already.' };
    case 'BAG_KIND_PREFIX_IN_USE':
      return { prefix: error.message };
    case 'BAG_KIND_MAX_BELOW_CHILDREN':
      return { maxChildren: error.message };
    case 'BAG_KIND_PATTERN_IN_USE':
      return { pattern: error.message };
    case 'VALIDATION':
      return typeof field === 'string' && field in EMPTY_KIND_FORM
        ? { [field]: error.message }
        : { form: error.message };
    default:
      return { form: friendlyErrorMessage(error) };
  }
}
