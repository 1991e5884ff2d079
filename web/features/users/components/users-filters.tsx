import type { UserFilters } from '@/features/users/api/get-users';
import { AREA_OPTIONS, ROLE_OPTIONS, isRole } from '@/features/users/utils/user-options';
import { FilterPanel } from '@/components/ui/filter-panel';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';

/** The filter form's raw values; `q` is debounced by the screen before it becomes a filter. */
export interface UserFilterValues {
  role: string;
  area: string;
  active: string;
  q: string;
}

export const EMPTY_USER_FILTERS: UserFilterValues = { role: '', area: '', active: '', q: '' };

const ACTIVE_OPTIONS = [
  { value: 'true', label: 'Active' },
  { value: 'false', label: 'Deactivated' },
] as const;

/** Form values → API filters: empty means "any". */
export function toUserFilters(values: UserFilterValues): UserFilters {
  const q = values.q.trim();
  return {
    ...(isRole(values.role) ? { role: values.role } : {}),
    ...(values.area ? { area: values.area } : {}),
    ...(values.active ? { active: values.active === 'true' } : {}),
    ...(q ? { q } : {}),
  };
}

type SetFilter = (key: keyof UserFilterValues, next: string) => void;

export interface UsersFiltersProps {
  value: UserFilterValues;
  onChange: (value: UserFilterValues) => void;
}

function MoreFilters({ value, set }: { value: UserFilterValues; set: SetFilter }) {
  return (
    <>
      <SelectField
        label="Role"
        placeholder="All roles"
        options={ROLE_OPTIONS}
        value={value.role}
        onChange={(event) => set('role', event.target.value)}
      />
      <SelectField
        label="Area"
        placeholder="All areas"
        options={AREA_OPTIONS}
        value={value.area}
        onChange={(event) => set('area', event.target.value)}
      />
      <SelectField
        label="Status"
        placeholder="Any status"
        options={ACTIVE_OPTIONS}
        value={value.active}
        onChange={(event) => set('active', event.target.value)}
      />
    </>
  );
}

/** Search always in view; on phones the three selects fold behind a "Filters" button. */
export function UsersFilters({ value, onChange }: UsersFiltersProps) {
  const activeCount = [value.role, value.area, value.active].filter(Boolean).length;
  const set: SetFilter = (key, next) => onChange({ ...value, [key]: next });
  return (
    <FilterPanel
      label="Filter users"
      activeCount={activeCount}
      primary={
        <TextField
          label="Search"
          type="search"
          placeholder="Username or email"
          autoCapitalize="none"
          spellCheck={false}
          value={value.q}
          onChange={(event) => set('q', event.target.value)}
        />
      }
    >
      <MoreFilters value={value} set={set} />
    </FilterPanel>
  );
}
