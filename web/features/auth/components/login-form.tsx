import { useState, type FormEvent } from 'react';
import { useLogin, type LoginResult } from '@/features/auth/api/login';
import { loginErrorMessage } from '@/features/auth/utils/login-error-message';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';

export interface LoginFormProps {
  onSuccess: (result: LoginResult) => void;
}

interface MissingFields {
  username?: string;
  password?: string;
}

function useLoginForm(onSuccess: LoginFormProps['onSuccess']) {
  const [values, setValues] = useState({ username: '', password: '', totp: '' });
  const [missing, setMissing] = useState<MissingFields>({});
  const [isTotpNeeded, setIsTotpNeeded] = useState(false);
  const mutation = useLogin({ onSuccess });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const username = values.username.trim();
    const nextMissing: MissingFields = {
      ...(username ? {} : { username: 'Enter your username.' }),
      ...(values.password ? {} : { password: 'Enter your password.' }),
    };
    setMissing(nextMissing);
    if (Object.keys(nextMissing).length > 0) {
      return;
    }
    const body = {
      username,
      password: values.password,
      ...(isTotpNeeded ? { totp: values.totp } : {}),
    };
    mutation.mutate(body, {
      onError: (error) => {
        if (isApiError(error) && error.code === 'TOTP_REQUIRED') {
          setIsTotpNeeded(true);
        }
      },
    });
  }

  function setValue(key: keyof typeof values, value: string) {
    setValues((previous) => ({ ...previous, [key]: value }));
  }

  return { values, setValue, missing, isTotpNeeded, mutation, handleSubmit };
}

/** Username and password (and the authenticator code when the account asks for one). */
export function LoginForm({ onSuccess }: LoginFormProps) {
  const { values, setValue, missing, isTotpNeeded, mutation, handleSubmit } =
    useLoginForm(onSuccess);
  const error = mutation.error;
  const isTotpError = isApiError(error) && error.code === 'TOTP_REQUIRED';
  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      {error && !isTotpError ? <Banner tone="error">{loginErrorMessage(error)}</Banner> : null}
      <TextField
        label="Username"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        error={missing.username}
        value={values.username}
        onChange={(event) => setValue('username', event.target.value)}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        error={missing.password}
        value={values.password}
        onChange={(event) => setValue('password', event.target.value)}
      />
      {isTotpNeeded ? (
        <TextField
          label="Authenticator code"
          name="totp"
          inputMode="numeric"
          autoComplete="one-time-code"
          hint="The 6-digit code from your authenticator app, or a backup code."
          error={isTotpError ? loginErrorMessage(error) : undefined}
          value={values.totp}
          onChange={(event) => setValue('totp', event.target.value)}
        />
      ) : null}
      <Button type="submit" size="lg" isFullWidth isLoading={mutation.isPending}>
        Sign in
      </Button>
    </form>
  );
}
