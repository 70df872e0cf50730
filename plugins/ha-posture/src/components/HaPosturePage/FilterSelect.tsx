import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import OutlinedInput from '@material-ui/core/OutlinedInput';
import Select from '@material-ui/core/Select';

/** One of the fleet table's drop-down filters: a labelled outlined select. */
export function FilterSelect(props: {
  /** The label's id; the select's is `<id>-select`. */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  minWidth: number;
  options: Array<{ value: string; label: string }>;
}) {
  const { id, label, value, onChange, minWidth, options } = props;
  return (
    <FormControl variant="outlined" size="small" style={{ minWidth }}>
      <InputLabel id={id} shrink>
        {label}
      </InputLabel>
      <Select
        id={`${id}-select`}
        labelId={id}
        input={<OutlinedInput notched label={label} />}
        value={value}
        onChange={e => onChange(e.target.value as string)}
        displayEmpty
      >
        {options.map(o => (
          <MenuItem key={o.value} value={o.value}>
            {o.label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
