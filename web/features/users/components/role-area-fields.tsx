import type { Role } from '@common/roles';
import { AREA_OPTIONS, ROLE_OPTIONS, isRole } from '@/features/users/utils/user-options';
import { SelectField } from '@/components/ui/select-field';

export interface RoleAreaFieldsProps {
  role: Role | '';
  dispatchArea: string;
  onRoleChange: (role: Role | '') => void;
  onAreaChange: (area: string) => void;
  roleError?: string;
  areaError?: string;
  /** Shown under the role, e.g. why it cannot be changed. */
  roleHint?: string;
  isRoleDisabled?: boolean;
}

/** Role, and the dispatch area that only a dispatcher has (SPEC §3). */
export function RoleAreaFields(props: RoleAreaFieldsProps) {
  return (
    <>
      <SelectField
        label="Role"
        placeholder={props.role ? undefined : 'Choose a role'}
        options={ROLE_OPTIONS}
        value={props.role}
        error={props.roleError}
        hint={props.roleHint}
        disabled={props.isRoleDisabled}
        onChange={(event) =>
          props.onRoleChange(isRole(event.target.value) ? event.target.value : '')
        }
      />
      {props.role === 'dispatcher' ? (
        <SelectField
          label="Dispatch area"
          placeholder="Choose an area"
          options={AREA_OPTIONS}
          value={props.dispatchArea}
          error={props.areaError}
          hint="A dispatcher works in one area and sees only its bags."
          onChange={(event) => props.onAreaChange(event.target.value)}
        />
      ) : null}
    </>
  );
}
