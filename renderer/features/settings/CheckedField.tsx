import { useId, useState } from 'react';

interface CheckedFieldProps {
  label: string;
  // The stored value, as text.
  value: string;
  // Why the typed text cannot be stored, or null when it can.
  problem(text: string): string | null;
  onCommit(text: string): void;
  type?: 'text' | 'number';
  multiline?: boolean;
  maxLength?: number | undefined;
  min?: number;
  max?: number;
}

// A preference typed into a field. Text the preferences do not take yet (a font size of "2" on
// the way to "20", a publication whose name was cleared to be retyped) stays as typed, with the
// reason beside it, rather than snapping back or being refused somewhere out of sight; it is
// stored as soon as it is acceptable.
export function CheckedField({ label, value, problem, onCommit, type = 'text', multiline = false, maxLength, min, max }: CheckedFieldProps) {
  const id = useId();
  const [typed, setTyped] = useState<string | null>(null);
  const shown = typed ?? value;
  const reason = typed === null ? null : problem(typed);
  const change = (text: string) => {
    if (problem(text) === null) {
      setTyped(null);
      onCommit(text);
    } else {
      setTyped(text);
    }
  };
  const common = { id, value: shown, maxLength, 'aria-invalid': reason !== null, 'aria-describedby': reason ? `${id}-problem` : undefined };
  return (
    <div className="settings-field">
      <label className="settings-row" htmlFor={id}>
        {label}
        {multiline ? (
          <textarea rows={2} {...common} onChange={(event) => change(event.target.value)} />
        ) : (
          <input type={type} min={min} max={max} {...common} onChange={(event) => change(event.target.value)} />
        )}
      </label>
      {reason && (
        <p id={`${id}-problem`} className="field-error" role="alert">
          {reason}
        </p>
      )}
    </div>
  );
}
