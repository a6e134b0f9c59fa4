/**
 * Keeps the first `maxBytes` bytes of a stream and counts (but drops) the rest, so a child
 * writing without end never blocks on a full pipe and never grows the agent's memory.
 */

/** Captured bytes of one stream, bounded by a byte cap. */
export class OutputCapture {
  private readonly chunks: Buffer[] = [];
  private keptBytes = 0;
  private seenBytes = 0;

  constructor(readonly maxBytes: number) {}

  /** Appends a chunk, keeping only what still fits under the cap. */
  write(chunk: Buffer): void {
    this.seenBytes += chunk.length;
    const room = this.maxBytes - this.keptBytes;
    if (room <= 0) return;
    const kept = chunk.length <= room ? chunk : chunk.subarray(0, room);
    this.chunks.push(kept);
    this.keptBytes += kept.length;
  }

  /** True once more bytes arrived than the cap allows. */
  get truncated(): boolean {
    return this.seenBytes > this.maxBytes;
  }

  /** Every byte the stream produced, kept or not. */
  get totalBytes(): number {
    return this.seenBytes;
  }

  /**
   * The kept bytes decoded as UTF-8. When the cap cut a multi-byte character in half, the
   * partial character is dropped, so the text never ends in a replacement character that the
   * command did not write and its UTF-8 length never exceeds the cap.
   */
  text(): string {
    const bytes = Buffer.concat(this.chunks, this.keptBytes);
    const end = this.truncated ? completeUtf8Length(bytes) : bytes.length;
    return bytes.toString('utf8', 0, end);
  }
}

/**
 * Length of `bytes` without a trailing, incomplete UTF-8 sequence. Invalid bytes elsewhere are
 * left to the decoder (they become U+FFFD).
 */
export function completeUtf8Length(bytes: Uint8Array): number {
  // A UTF-8 sequence is at most 4 bytes: look back at most 3 continuation bytes for its lead.
  for (let back = 1; back <= Math.min(4, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0b1100_0000) === 0b1000_0000) continue; // continuation byte
    const needed = byte >= 0b1111_0000 ? 4 : byte >= 0b1110_0000 ? 3 : byte >= 0b1100_0000 ? 2 : 1;
    return needed > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}
