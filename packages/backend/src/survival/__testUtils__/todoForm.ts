import { multipart, request } from '../../templates/__testUtils__/http';

/** The generated form's body for a todo without attachment. */
export const addTodoBody = (title: string) => multipart({ title });

/** POST / as the generated form sends it: 302 once the todo is stored. */
export function addTodo(
  url: string,
  title: string,
  options: { attachment?: Buffer; cookie?: string } = {},
) {
  const form = multipart(
    { title },
    options.attachment
      ? { field: 'attachment', name: 'notes.txt', content: options.attachment }
      : undefined,
  );
  return request(`${url}/`, {
    method: 'POST',
    headers: {
      'content-type': form.contentType,
      ...(options.cookie ? { cookie: options.cookie } : {}),
    },
    body: form.body,
  });
}
