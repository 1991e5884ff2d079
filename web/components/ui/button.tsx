import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';
import { Spinner } from '@/components/ui/spinner';
import './button.css';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = 'md' | 'lg';

interface ButtonLookProps {
  variant?: ButtonVariant;
  size?: ButtonSize;
  isFullWidth?: boolean;
  icon?: ReactNode;
}

function buttonClassName(
  { variant = 'primary', size = 'md', isFullWidth }: ButtonLookProps,
  extra?: string,
) {
  return ['btn', `btn--${variant}`, `btn--${size}`, isFullWidth ? 'btn--full' : '', extra ?? '']
    .filter(Boolean)
    .join(' ');
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement>, ButtonLookProps {
  isLoading?: boolean;
}

/** A 48px+ tap target. While `isLoading`, it is disabled and shows a spinner next to its label. */
export function Button({
  variant,
  size,
  isFullWidth,
  icon,
  isLoading = false,
  className,
  children,
  disabled,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={buttonClassName({ variant, size, isFullWidth }, className)}
      disabled={disabled || isLoading}
      aria-busy={isLoading || undefined}
      {...rest}
    >
      {isLoading ? <Spinner size="sm" /> : icon}
      <span>{children}</span>
    </button>
  );
}

export interface LinkButtonProps extends LinkProps, ButtonLookProps {}

/** A router link that looks like a button (navigation, not an action). */
export function LinkButton({
  variant,
  size,
  isFullWidth,
  icon,
  className,
  children,
  ...rest
}: LinkButtonProps) {
  return (
    <Link className={buttonClassName({ variant, size, isFullWidth }, className)} {...rest}>
      {icon}
      <span>{children}</span>
    </Link>
  );
}
