import type { Ref } from 'react';
import { Input, Label, Text, TextArea, TextField } from 'react-aria-components';

/** A labelled one-line or multi-line text field with an optional hint and the server's error for it. */
export function TextInput({
  label,
  value,
  onChange,
  hint,
  error,
  multiline,
  rows,
  inputMode,
  className,
  inputRef,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | null;
  multiline?: boolean;
  rows?: number;
  inputMode?: 'numeric' | 'decimal' | 'text' | 'url';
  className?: string;
  /** For a screen that moves focus back into the field (after completing a value from a suggestion). */
  inputRef?: Ref<HTMLInputElement>;
}) {
  return (
    <TextField className={`field ${className ?? ''}`} value={value} onChange={onChange} isInvalid={Boolean(error)} inputMode={inputMode}>
      <Label className="label">{label}</Label>
      {multiline ? <TextArea rows={rows ?? 3} /> : <Input ref={inputRef} />}
      {hint && <Text slot="description">{hint}</Text>}
      {error && (
        <Text slot="errorMessage" className="field-error">
          {error}
        </Text>
      )}
    </TextField>
  );
}
