import type { User } from '@common/contracts/users';
import { useEditUserForm } from '@/features/users/hooks/use-edit-user-form';
import { RoleAreaFields } from '@/features/users/components/role-area-fields';
import { formError } from '@/features/users/utils/user-error-message';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { PasswordHints } from '@/components/ui/password-hints';
import { SwitchField } from '@/components/ui/switch-field';
import { TextField } from '@/components/ui/text-field';

export interface EditUserFormProps {
  user: User;
  /** The signed-in admin editing their own account cannot change role or deactivate. */
  isSelf: boolean;
  onSaved: (user: User) => void;
  onCancel: () => void;
}

type Form = ReturnType<typeof useEditUserForm>;

function activeHint(isSelf: boolean, isActive: boolean): string {
  if (isSelf) {
    return 'You cannot deactivate your own account.';
  }
  return isActive
    ? 'Can sign in.'
    : 'Deactivated: cannot sign in. Their name stays in the history.';
}

function ActiveField({ form, isSelf }: { form: Form; isSelf: boolean }) {
  const isActive = form.values.active;
  return (
    <>
      <SwitchField
        label="Account active"
        checked={isActive}
        disabled={isSelf}
        hint={activeHint(isSelf, isActive)}
        onChange={(event) => form.setValue('active', event.target.checked)}
      />
      {form.errorFor('active') ? <p className="field__error">{form.errorFor('active')}</p> : null}
    </>
  );
}

function NewPasswordField({ form, user }: { form: Form; user: User }) {
  return (
    <TextField
      label="Set a new password (optional)"
      type="password"
      autoComplete="new-password"
      value={form.values.password}
      error={form.errorFor('password')}
      hint={
        form.values.password ? (
          <PasswordHints
            password={form.values.password}
            role={form.values.role || user.role}
            username={user.username}
          />
        ) : (
          'Leave empty to keep the current password. Setting one signs the user out everywhere.'
        )
      }
      onChange={(event) => form.setValue('password', event.target.value)}
    />
  );
}

/** Edit email, role and area, deactivate or reactivate, or set a new password. */
export function EditUserForm({ user, isSelf, onSaved, onCancel }: EditUserFormProps) {
  const form = useEditUserForm(user, onSaved);
  const { values, setValue, errorFor, mutation, handleSubmit } = form;
  const topError = formError(mutation.error);
  return (
    <form className="stack" onSubmit={handleSubmit} noValidate aria-label={`Edit ${user.username}`}>
      {topError ? <Banner tone="error">{topError}</Banner> : null}
      {form.isUnchanged ? <Banner tone="info">Nothing changed yet.</Banner> : null}
      <TextField
        label="Email"
        type="email"
        autoComplete="off"
        value={values.email}
        error={errorFor('email')}
        onChange={(event) => setValue('email', event.target.value)}
      />
      <RoleAreaFields
        role={values.role}
        dispatchArea={values.dispatchArea}
        onRoleChange={(role) => setValue('role', role)}
        onAreaChange={(area) => setValue('dispatchArea', area)}
        roleError={errorFor('role')}
        areaError={errorFor('dispatchArea')}
        roleHint={isSelf ? 'You cannot change your own role.' : undefined}
        isRoleDisabled={isSelf}
      />
      <ActiveField form={form} isSelf={isSelf} />
      <NewPasswordField form={form} user={user} />
      <div className="row">
        <Button type="submit" isLoading={mutation.isPending}>
          Save changes
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
