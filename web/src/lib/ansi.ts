import Anser from 'anser';

/** One run of output text with the colour classes its ANSI escapes asked for. */
export interface AnsiSpan {
  readonly text: string;
  readonly fg?: string;
  readonly bg?: string;
  readonly bold: boolean;
}

// C0/C1 control characters other than tab and newline, and any escape sequence Anser left.
// eslint-disable-next-line no-control-regex
const LEFTOVER_CONTROLS = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-_]|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Output from an agent → plain text spans: SGR colours become class names (`ansi-red`) from a
 * fixed palette, every other escape and control character is dropped. The result is rendered as
 * React text, so nothing in the output can become markup.
 */
export function ansiSpans(output: string): AnsiSpan[] {
  const parts = Anser.ansiToJson(output.replace(/\r\n/g, '\n'), { use_classes: true, remove_empty: true });
  return parts
    .map((p) => ({
      text: p.content.replace(LEFTOVER_CONTROLS, ''),
      fg: p.fg ? safeClass(p.fg) : undefined,
      bg: p.bg ? safeClass(p.bg) : undefined,
      bold: p.decorations?.includes('bold') ?? false,
    }))
    .filter((s) => s.text.length > 0);
}

/** Anser's classes are `ansi-<name>`; anything else (a 24-bit colour) is dropped. */
function safeClass(c: string): string | undefined {
  return /^ansi-(bright-)?(black|red|green|yellow|blue|magenta|cyan|white)$/.test(c) ? c : undefined;
}
