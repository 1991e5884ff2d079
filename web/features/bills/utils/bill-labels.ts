import type { Bill } from '@common/contracts/bills';
import type { BadgeTone } from '@/components/ui/badge';

export const BILL_STATUS_OPTIONS = [
  { value: 'new', label: 'New' },
  { value: 'processing', label: 'Processing' },
  { value: 'completed', label: 'Completed' },
];

export function billStatusText(status: Bill['status']): string {
  return BILL_STATUS_OPTIONS.find((option) => option.value === status)?.label ?? status;
}

export function billStatusTone(status: Bill['status']): BadgeTone {
  if (status === 'completed') {
    return 'primary';
  }
  return status === 'processing' ? 'accent' : 'neutral';
}

export function formatKg(value: number): string {
  return `${Math.round(value * 100) / 100} kg`;
}
