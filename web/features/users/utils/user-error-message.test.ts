import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { fieldError, formError, userErrorMessage } from '@/features/users/utils/user-error-message';

function apiError(code: ApiError['code'], status = 400) {
  return new ApiError({ code, status, message: 'server text that the UI must not show' });
}

describe('userErrorMessage', () => {
  it('puts USERNAME_TAKEN next to the username', () => {
    expect(fieldError(apiError('USERNAME_TAKEN', 409), 'username')).toMatch(/already taken/);
    expect(formError(apiError('USERNAME_TAKEN', 409))).toBeUndefined();
  });

  it('puts AREA_REQUIRED and AREA_FULL next to the area', () => {
    expect(fieldError(apiError('AREA_REQUIRED'), 'dispatchArea')).toMatch(/needs a dispatch area/);
    expect(fieldError(apiError('AREA_FULL'), 'dispatchArea')).toMatch(/most dispatchers/);
  });

  it('shows LAST_ADMIN above the form', () => {
    expect(formError(apiError('LAST_ADMIN', 409))).toMatch(/last active admin/);
  });

  it('never shows the server message text', () => {
    expect(userErrorMessage(apiError('INTERNAL', 500)).message).not.toMatch(/server text/);
  });
});
