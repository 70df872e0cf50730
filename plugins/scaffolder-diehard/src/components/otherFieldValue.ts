/** The value of another field of the form (`field`), when it is a non-empty string. */
export function otherFieldValue(
  formData: Record<string, unknown> | undefined,
  field: string,
): string | undefined {
  const value = formData?.[field];
  return typeof value === 'string' && value ? value : undefined;
}
