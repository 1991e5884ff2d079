import type { User } from '@common/contracts/users';
import { useCreateUserForm } from '@/features/users/hooks/use-create-user-form';
import { RoleAreaFields } from '@/features/users/components/role-area-fields';
import { formError } from '@/features/users/utils/user-error-message';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PasswordHints } from '@/components/ui/password-hints';
import { TextField } from '@/components/ui/text-field';

export interface CreateUserFormProps {
  onCreated: (user: User) => void;
  onCancel: () => void;
}

type Form = ReturnType<typeof useCreateUserForm>;

function IdentityFields({ values, setValue, errorFor }: Form) {
  return (
    <>
      <TextField
        label="Username"
        autoCapitalize="none"
        autoComplete="off"
        spellCheck={false}
        value={values.username}
        error={errorFor('username')}
        hint="3–32 letters, digits, dots, dashes or underscores. Used to sign in."
        onChange={(event) => setValue('username', event.target.value)}
      />
      <TextField
        label="Email"
        type="email"
        autoComplete="off"
        value={values.email}
        error={errorFor('email')}
        onChange={(event) => setValue('email', event.target.value)}
      />
    </>
  );
}

function FirstPasswordField({ values, setValue, errorFor }: Form) {
  return (
    <TextField
      label="First password"
      type="password"
      autoComplete="new-password"
      value={values.password}
      error={errorFor('password')}
      hint={
        <PasswordHints
          password={values.password}
          role={values.role || 'dispatcher'}
          username={values.username}
        />
      }
      onChange={(event) => setValue('password', event.target.value)}
    />
  );
}

/** New account: username, email, first password, role, and the dispatch area for a dispatcher. */
export function CreateUserForm({ onCreated, onCancel }: CreateUserFormProps) {
  const form = useCreateUserForm(onCreated);
  const { values, setValue, errorFor, mutation, handleSubmit } = form;
  const topError = formError(mutation.error);
  return (
    <Card title="New user" tone="highlight">
      <form className="stack" onSubmit={handleSubmit} noValidate aria-label="New user">
        {topError ? <Banner tone="error">{topError}</Banner> : null}
        <IdentityFields {...form} />
        <RoleAreaFields
          role={values.role}
          dispatchArea={values.dispatchArea}
          onRoleChange={(role) => setValue('role', role)}
          onAreaChange={(area) => setValue('dispatchArea', area)}
          roleError={errorFor('role')}
          areaError={errorFor('dispatchArea')}
        />
        <FirstPasswordField {...form} />
        <div className="row">
          <Button type="submit" isLoading={mutation.isPending}>
            Create user
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
}
