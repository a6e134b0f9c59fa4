/**
 * Text that is safe to put on an operator's terminal.
 *
 * Anything an agent or a user wrote (host names, inventory, labels, command output, process logs,
 * error messages that quote input) may carry control characters: ANSI/CSI colour and cursor
 * sequences, OSC sequences that set the window title or write the clipboard, C1 controls that
 * some terminals read as CSI, carriage returns that overwrite what the operator sees, bidi
 * overrides that reorder it (the class of kubectl's CVE-2021-25743). The CLI writes every byte it
 * prints through {@link sanitizeTerminalText} (see `output.ts`), so no command can forget it.
 *
 * Contract: newline and tab pass; a CR that ends a line (`\r\n`, Windows output) becomes `\n`;
 * every other C0 control, DEL, C1 control and bidi/zero-width formatting character is shown as
 * an escape (`\x1b`, `\u009b`, `\u202e`), so the operator sees that it was there and nothing
 * is interpreted. Printable text, UTF-8 included, is unchanged.
 */

/** C0 except \t and \n, DEL, C1, and the bidi embedding/override/isolate and BOM characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_TEST = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code === 0x0d) return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** True when `text` holds a character {@link sanitizeTerminalText} would escape. */
export function hasUnsafeTerminalText(text: string): boolean {
  return UNSAFE_TEST.test(text.replace(/\r\n/g, '\n'));
}

/** `text` with every terminal control shown as a visible escape (see the module comment). */
export function sanitizeTerminalText(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(UNSAFE, escapeChar);
}

/**
 * For JSON and YAML text whose strings are double-quoted: the control characters their
 * serializers leave raw (C1, DEL, bidi) become `\uXXXX`, a valid escape in both, so the parsed
 * value is unchanged while the terminal sees only printable text.
 */
export function escapeQuotedControls(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
