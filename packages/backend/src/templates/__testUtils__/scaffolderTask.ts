/** A scaffolder task as a user sees it: its status, each step's status, its log. */
export interface TaskRun {
  id: string;
  /** completed, failed or cancelled (or still open/processing on a timeout). */
  status: string;
  /** The last status each step reported (processing, completed, failed, skipped). */
  steps: Record<string, string>;
  /** Every log line, prefixed with its step. */
  log: string[];
  /** Seconds from each step's first event to its last. */
  seconds: Record<string, number>;
  /** The template's output (links, text), from the completion event. */
  output?: any;
}

async function api(
  baseUrl: string,
  token: string,
  path: string,
  init: RequestInit = {},
) {
  const send = () =>
    fetch(`${baseUrl}/api/scaffolder/v2${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        ...init.headers,
      },
    });
  // A GET is retried once: a kept-alive connection the server has just closed
  // answers ECONNRESET.
  const response = await send().catch(e =>
    init.method === undefined ? send() : Promise.reject(e),
  );
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`scaffolder ${path}: ${response.status} ${text}`);
  }
  return JSON.parse(text);
}

/**
 * Starts a task the way the portal's Create page does (POST /v2/tasks) and follows its
 * events until it ends or `timeoutMs` passes; `onLog` sees each line as it comes.
 */
export async function runTemplateTask(options: {
  baseUrl: string;
  token: string;
  templateRef: string;
  values: Record<string, unknown>;
  timeoutMs: number;
  onLog?: (line: string) => void;
}): Promise<TaskRun> {
  const { baseUrl, token } = options;
  const { id } = await api(baseUrl, token, '/tasks', {
    method: 'POST',
    body: JSON.stringify({
      templateRef: options.templateRef,
      values: options.values,
    }),
  });
  const run: TaskRun = { id, status: 'open', steps: {}, log: [], seconds: {} };
  const firstSeen: Record<string, number> = {};
  const deadline = Date.now() + options.timeoutMs;
  let after: number | undefined;
  for (;;) {
    const events: any[] = await api(
      baseUrl,
      token,
      `/tasks/${id}/events${after === undefined ? '' : `?after=${after}`}`,
    );
    let ended = false;
    for (const event of events) {
      after = event.id;
      const { stepId, status, message } = event.body ?? {};
      if (stepId && status) run.steps[stepId] = status;
      if (stepId && event.createdAt) {
        const at = Date.parse(event.createdAt);
        firstSeen[stepId] ??= at;
        run.seconds[stepId] = Math.round((at - firstSeen[stepId]) / 1000);
      }
      if (message) {
        const line = `[${stepId ?? 'task'}] ${message}`;
        run.log.push(line);
        options.onLog?.(line);
      }
      if (event.type === 'completion' || event.type === 'cancelled') {
        ended = true;
        run.output = event.body?.output;
      }
    }
    if (ended || Date.now() > deadline) break;
    await new Promise(r => setTimeout(r, 1000));
  }
  const task = await api(baseUrl, token, `/tasks/${id}`);
  run.status = task.status;
  return run;
}
