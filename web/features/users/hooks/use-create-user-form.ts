import { useState, type FormEvent } from 'react';
import type { CreateUserBody, User } from '@common/contracts/users';
import type { Role } from '@common/roles';
import { useCreateUser } from '@/features/users/api/create-user';
import { fieldError, type UserFormField } from '@/features/users/utils/user-error-message';
import {
  compactErrors,
  validateArea,
  validateEmail,
  validatePassword,
  validateUsername,
  type UserFormErrors,
} from '@/features/users/utils/validate-user-form';

export interface CreateUserValues {
  username: string;
  email: string;
  password: string;
  role: Role | '';
  dispatchArea: string;
}

const EMPTY: CreateUserValues = {
  username: '',
  email: '',
  password: '',
  role: '',
  dispatchArea: '',
};

function validate(values: CreateUserValues): UserFormErrors {
  return compactErrors({
    username: validateUsername(values.username),
    email: validateEmail(values.email, true),
    role: values.role ? undefined : 'Choose a role.',
    password: validatePassword(values.password, values.role || 'dispatcher', values.username),
    dispatchArea: validateArea(values.role, values.dispatchArea),
  });
}

function toBody(values: CreateUserValues, role: Role): CreateUserBody {
  return {
    username: values.username.trim(),
    email: values.email.trim(),
    password: values.password,
    role,
    ...(role === 'dispatcher' ? { dispatchArea: values.dispatchArea } : {}),
  };
}

/** State, checks and submission of the "new user" form. */
export function useCreateUserForm(onCreated: (user: User) => void) {
  const [values, setValues] = useState<CreateUserValues>(EMPTY);
  const [clientErrors, setClientErrors] = useState<UserFormErrors>({});
  const mutation = useCreateUser({ onSuccess: onCreated });

  function setValue<K extends keyof CreateUserValues>(name: K, value: CreateUserValues[K]) {
    setValues((previous) => ({ ...previous, [name]: value }));
    setClientErrors((previous) => ({ ...previous, [name]: undefined }));
    if (fieldError(mutation.error, name)) {
      mutation.reset();
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = validate(values);
    setClientErrors(errors);
    if (values.role && Object.keys(errors).length === 0) {
      mutation.mutate(toBody(values, values.role));
    }
  }

  function errorFor(field: UserFormField): string | undefined {
    return clientErrors[field] ?? fieldError(mutation.error, field);
  }

  return { values, setValue, errorFor, mutation, handleSubmit };
}
