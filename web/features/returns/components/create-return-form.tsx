import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ReturnTicket } from '@common/contracts/returns';
import { RETURNS_QUERY_KEY, createReturn } from '@/features/returns/api/returns';
import { Banner } from '@/components/ui/banner';
import { FormActions } from '@/components/ui/form-actions';
import { Card } from '@/components/ui/card';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { AREA_OPTIONS } from '@/lib/area-options';
import { friendlyErrorMessage } from '@/lib/error-messages';

export interface CreateReturnFormProps {
  onCreated: (ticket: ReturnTicket) => void;
  onCancel: () => void;
}

/** A new IPT return ticket: the C&F location (a dispatch area) and notes. */
export function CreateReturnForm({ onCreated, onCancel }: CreateReturnFormProps) {
  const [location, setLocation] = useState('');
  const [notes, setNotes] = useState('');
  const [locationError, setLocationError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: createReturn,
    onSuccess: (ticket) => {
      void queryClient.invalidateQueries({ queryKey: RETURNS_QUERY_KEY });
      onCreated(ticket);
    },
  });
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!location) {
      setLocationError('Choose the C&F location the bags come back from.');
      return;
    }
    setLocationError(null);
    mutation.mutate({ location, ...(notes.trim() ? { notes: notes.trim() } : {}) });
  }
  return (
    <Card title="New return ticket">
      <form className="stack" noValidate onSubmit={handleSubmit}>
        {mutation.error ? (
          <Banner tone="error">{friendlyErrorMessage(mutation.error)}</Banner>
        ) : null}
        <SelectField
          label="C&F location"
          placeholder="Choose a location"
          options={AREA_OPTIONS}
          value={location}
          error={locationError}
          onChange={(event) => setLocation(event.target.value)}
        />
        <TextField
          label="Notes"
          value={notes}
          maxLength={1000}
          onChange={(event) => setNotes(event.target.value)}
        />
        <FormActions
          submitLabel="Create ticket"
          isPending={mutation.isPending}
          onCancel={onCancel}
        />
      </form>
    </Card>
  );
}
