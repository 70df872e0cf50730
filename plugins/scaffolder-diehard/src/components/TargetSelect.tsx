import TextField from '@material-ui/core/TextField';

export interface TargetSelectProps {
  id: string;
  label: string;
  /** What the field is for, shown under it unless there is a problem. */
  description?: string;
  value: string;
  options: Array<{ value: string; label: string }>;
  onChange(value: string): void;
  required?: boolean;
  disabled?: boolean;
  /** A problem to show instead of the description (marks the field in error). */
  problem?: string;
  /** A note to show instead of the description (loading, a missing choice). */
  note?: string;
  hasErrors?: boolean;
}

/** A select of the options the portal allows, as a scaffolder form field. */
export function TargetSelect(props: TargetSelectProps) {
  const known = props.options.some(o => o.value === props.value);
  return (
    <TextField
      id={props.id}
      select
      fullWidth
      margin="normal"
      label={props.label}
      required={props.required}
      disabled={props.disabled || props.options.length === 0}
      value={known ? props.value : ''}
      error={Boolean(props.problem) || props.hasErrors}
      helperText={props.problem ?? props.note ?? props.description}
      onChange={event => props.onChange(event.target.value)}
      InputLabelProps={{ shrink: true }}
      SelectProps={{ native: true }}
    >
      {!known && <option value="" disabled />}
      {props.options.map(o => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </TextField>
  );
}
