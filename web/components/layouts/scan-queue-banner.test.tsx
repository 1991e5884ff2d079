import { describe, expect, it } from 'vitest';
import { attentionTarget } from '@/components/layouts/scan-queue-banner';
import type { ScanJob } from '@/lib/scan-queue/scan-queue-storage';

function job(path: string): ScanJob {
  return {
    id: 'scan-0001',
    seq: 1,
    owner: 'meena',
    path,
    body: {},
    label: 'A scan',
    createdAt: '2025-03-03T10:00:00.000Z',
    attempts: 2,
    state: 'rejected',
    error: { code: 'BILL_FULL', message: 'Full', details: null },
  };
}

describe('attentionTarget', () => {
  it('sends a refused bill scan to its bill', () => {
    expect(attentionTarget(job('/api/bills/B%2F7%20X/parents'))).toEqual({
      href: '/bills/B%2F7%20X',
      label: 'Open bill B/7 X',
    });
  });

  it('sends a refused return scan to its ticket', () => {
    expect(attentionTarget(job('/api/returns/RTN-20250303-AB12/bags'))).toEqual({
      href: '/returns/RTN-20250303-AB12',
      label: 'Open ticket RTN-20250303-AB12',
    });
  });

  it('sends packing scans to the station', () => {
    expect(attentionTarget(job('/api/scans/child'))).toEqual({
      href: '/pack',
      label: 'Open the station',
    });
  });
});
