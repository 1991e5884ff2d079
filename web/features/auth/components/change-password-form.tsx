import { useState, type FormEvent } from 'react';
import { passwordProblems } from '@common/password-policy';
import type { Role } from '@common/roles';
import { useChangePassword } from '@/features/auth/api/change-password';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { PasswordHints } from '@/components/ui/password-hints';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { friendlyErrorMessage } from '@/lib/error-messages';

export interface ChangePasswordFormProps {
  username: string;
  role: Role;
}

type FieldName = 'currentPassword' | 'newPassword' | 'repeatPassword';
type FieldErrors = Partial<Record<FieldName, string>>;

const EMPTY = { currentPassword: '', newPassword: '', repeatPassword: '' };

function validate(values: typeof EMPTY, role: Role, username: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.currentPassword) {
    errors.currentPassword = 'Enter your current password.';
  }
  if (passwordProblems(values.newPassword, role, username).length > 0) {
    errors.newPassword = 'The new password does not meet every rule yet.';
  }
  if (values.repeatPassword !== values.newPassword) {
    errors.repeatPassword = 'The two new passwords are not the same.';
  }
  return errors;
}

function serverFieldErrors(error: unknown): FieldErrors {
  if (!isApiError(error)) {
    return {};
  }
  if (error.code === 'CURRENT_PASSWORD_WRONG') {
    return { currentPassword: 'That is not your current password.' };
  }
  if (error.code === 'PASSWORD_POLICY') {
    return { newPassword: 'The server refused this password: it does not meet the rules.' };
  }
  return {};
}

function useChangePasswordForm({ username, role }: ChangePasswordFormProps) {
  const [values, setValues] = useState(EMPTY);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [isDone, setIsDone] = useState(false);
  const mutation = useChangePassword({
    onSuccess: () => {
      setValues(EMPTY);
      setIsDone(true);
    },
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsDone(false);
    const errors = validate(values, role, username);
    setClientErrors(errors);
    if (Object.keys(errors).length === 0) {
      mutation.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    }
  }

  function setValue(name: FieldName, value: string) {
    setValues((previous) => ({ ...previous, [name]: value }));
    setClientErrors((previous) => ({ ...previous, [name]: undefined }));
  }

  const errors = { ...serverFieldErrors(mutation.error), ...clientErrors };
  return { values, setValue, errors, isDone, mutation, handleSubmit };
}

/** Change one's own password, with the policy checked live as it is typed. */
export function ChangePasswordForm(props: ChangePasswordFormProps) {
  const { values, setValue, errors, isDone, mutation, handleSubmit } = useChangePasswordForm(props);
  const hasFieldError = Object.keys(serverFieldErrors(mutation.error)).length > 0;
  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      {isDone ? (
        <Banner tone="success">Password changed. Your other devices were signed out.</Banner>
      ) : null}
      {mutation.error && !hasFieldError ? (
        <Banner tone="error">{friendlyErrorMessage(mutation.error)}</Banner>
      ) : null}
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={values.currentPassword}
        error={errors.currentPassword}
        onChange={(event) => setValue('currentPassword', event.target.value)}
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        value={values.newPassword}
        error={errors.newPassword}
        hint={
          <PasswordHints
            password={values.newPassword}
            role={props.role}
            username={props.username}
          />
        }
        onChange={(event) => setValue('newPassword', event.target.value)}
      />
      <TextField
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        value={values.repeatPassword}
        error={errors.repeatPassword}
        onChange={(event) => setValue('repeatPassword', event.target.value)}
      />
      <Button type="submit" isLoading={mutation.isPending}>
        Change password
      </Button>
    </form>
  );
}
