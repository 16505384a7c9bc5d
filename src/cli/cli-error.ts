/**
 * A failure the CLI reports as one sentence on stderr, with a non-zero exit code. `details`
 * (several lines: the full list of missing fields, an internal error text) is printed only with
 * `--verbose`, so the sentence stays short (issue 9, class 7).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    readonly details?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
