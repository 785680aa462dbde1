import { describeJsonError, InputError } from '@asc-actions/core';

/** JSON's own syntax error as one finding with file and line, never a quote of the file (core's describeJsonError). */
export function jsonSyntaxError(text: string, file: string): InputError | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const { line, column, reason } = describeJsonError(error, text);
    return new InputError(`${file}:${line}: not valid JSON (line ${line}, column ${column}: ${reason}).`, {
      file,
      line,
    });
  }
}
