import TextField from '@material-ui/core/TextField';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';

/**
 * A text field as rjsf's own draws it (title, description, required mark, errors,
 * `ui:autofocus`), for the Diehard fields that add a check at **Next**; `note` follows the
 * description.
 */
export function FormTextField(
  props: FieldExtensionComponentProps<string, any> & { note?: string },
) {
  const { formData, onChange, schema, required, disabled, rawErrors } = props;
  return (
    <TextField
      id={props.idSchema?.$id}
      fullWidth
      margin="normal"
      label={schema.title}
      required={required}
      disabled={disabled}
      // The template asks for it (`ui:autofocus`), as rjsf's own text field honours it.
      // eslint-disable-next-line jsx-a11y/no-autofocus
      autoFocus={Boolean(props.uiSchema?.['ui:autofocus'])}
      value={formData ?? ''}
      error={Boolean(rawErrors?.length)}
      helperText={[schema.description, props.note].filter(Boolean).join(' ')}
      onChange={event => onChange(event.target.value || undefined)}
      InputLabelProps={{ shrink: true }}
    />
  );
}
