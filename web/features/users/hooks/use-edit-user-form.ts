import { useState, type FormEvent } from 'react';
import type { PatchUserBody, User } from '@common/contracts/users';
import type { Role } from '@common/roles';
import { useUpdateUser } from '@/features/users/api/update-user';
import { fieldError, type UserFormField } from '@/features/users/utils/user-error-message';
import {
  compactErrors,
  validateArea,
  validateEmail,
  validatePassword,
  type UserFormErrors,
} from '@/features/users/utils/validate-user-form';

export interface EditUserValues {
  email: string;
  role: Role | '';
  dispatchArea: string;
  active: boolean;
  password: string;
}

function initialValues(user: User): EditUserValues {
  return {
    email: user.email ?? '',
    role: user.role,
    dispatchArea: user.dispatchArea ?? '',
    active: user.active,
    password: '',
  };
}

function validate(values: EditUserValues, username: string): UserFormErrors {
  const role = values.role || 'dispatcher';
  return compactErrors({
    email: validateEmail(values.email, false),
    role: values.role ? undefined : 'Choose a role.',
    dispatchArea: validateArea(values.role, values.dispatchArea),
    password: values.password ? validatePassword(values.password, role, username) : undefined,
  });
}

/** Only what changed: PATCH refuses an empty body, and unchanged fields need no audit entry. */
export function buildUserPatch(user: User, values: EditUserValues): PatchUserBody {
  const patch: PatchUserBody = {};
  const email = values.email.trim();
  if (email !== (user.email ?? '')) {
    patch.email = email || null;
  }
  if (values.role && values.role !== user.role) {
    patch.role = values.role;
  }
  const area = values.role === 'dispatcher' ? values.dispatchArea || null : null;
  if (area !== user.dispatchArea) {
    patch.dispatchArea = area;
  }
  if (values.active !== user.active) {
    patch.active = values.active;
  }
  if (values.password) {
    patch.password = values.password;
  }
  return patch;
}

/** State, checks and submission of the "edit user" form. */
export function useEditUserForm(user: User, onSaved: (user: User) => void) {
  const [values, setValues] = useState<EditUserValues>(() => initialValues(user));
  const [clientErrors, setClientErrors] = useState<UserFormErrors>({});
  const [isUnchanged, setIsUnchanged] = useState(false);
  const mutation = useUpdateUser({ onSuccess: onSaved });

  function setValue<K extends keyof EditUserValues>(name: K, value: EditUserValues[K]) {
    setValues((previous) => ({ ...previous, [name]: value }));
    setClientErrors((previous) => ({ ...previous, [name]: undefined }));
    setIsUnchanged(false);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = validate(values, user.username);
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      return;
    }
    const patch = buildUserPatch(user, values);
    setIsUnchanged(Object.keys(patch).length === 0);
    if (Object.keys(patch).length > 0) {
      mutation.mutate({ id: user.id, patch });
    }
  }

  function errorFor(field: UserFormField): string | undefined {
    return clientErrors[field] ?? fieldError(mutation.error, field);
  }

  return { values, setValue, errorFor, isUnchanged, mutation, handleSubmit };
}
