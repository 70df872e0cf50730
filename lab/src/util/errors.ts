/** A lab component that could not start, with what to do about it. */
export class LabError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LabError';
  }
}
