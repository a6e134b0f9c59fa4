/**
 * Typed error for the selector and label-list syntax (`role=web,env!=prod`).
 *
 * Thrown by {@link parseSelector} and {@link parseLabels}; `column` is 1-based and
 * points at the offending character of the text given, so a CLI can draw a caret
 * under it and an API can report it as a field error.
 */
export type SelectorErrorCode =
  | 'TOO_LONG'
  | 'UNEXPECTED_CHARACTER'
  | 'UNEXPECTED_TOKEN'
  | 'EXPECTED_KEY'
  | 'EXPECTED_VALUE'
  | 'EXPECTED_OPEN_PAREN'
  | 'EXPECTED_CLOSE_PAREN'
  | 'INVALID_KEY'
  | 'INVALID_VALUE'
  | 'DUPLICATE_LABEL';

export class SelectorError extends Error {
  override readonly name = 'SelectorError';
  readonly code: SelectorErrorCode;
  /** 1-based column in the selector text. */
  readonly column: number;

  constructor(code: SelectorErrorCode, message: string, column: number) {
    super(`${message} (column ${column})`);
    this.code = code;
    this.column = column;
  }
}
