/**
 * Whether a file's bytes are really an image of the format its name says, judged on the whole
 * structure rather than the first bytes: a text file that starts with "GIF89a" is no GIF. Each
 * check walks the format's own framing once (PNG chunks to IEND, GIF blocks to the trailer, JPEG
 * segments to the scan and the end marker, the WebP RIFF header and its first chunk), so it is
 * linear in the file and never trusts a length that runs past the end.
 */

const u32 = (b: Uint8Array, at: number): number => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
const u16le = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);
const ascii = (b: Uint8Array, at: number, length: number): string => String.fromCharCode(...b.subarray(at, at + length));

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** PNG: signature, IHDR first (13 bytes, non-zero size), chunks framed to an IEND that ends the file. */
export function isPng(b: Uint8Array): boolean {
  if (b.length < 8 + 25 + 12 || PNG_SIGNATURE.some((v, i) => b[i] !== v)) return false;
  if (u32(b, 8) !== 13 || ascii(b, 12, 4) !== 'IHDR' || u32(b, 16) === 0 || u32(b, 20) === 0) return false;
  let at = 8;
  while (at + 12 <= b.length) {
    const length = u32(b, at);
    const type = ascii(b, at + 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type)) return false;
    const next = at + 12 + length;
    if (next > b.length) return false;
    if (type === 'IEND') return length === 0 && next === b.length;
    at = next;
  }
  return false;
}

/** GIF: header, screen descriptor, colour table, then extension and image blocks to the 0x3B trailer. */
export function isGif(b: Uint8Array): boolean {
  if (b.length < 14 || !/^GIF8[79]a$/.test(ascii(b, 0, 6)) || u16le(b, 6) === 0 || u16le(b, 8) === 0) return false;
  let at = 13;
  if (b[10] & 0x80) at += 3 * (1 << ((b[10] & 0x07) + 1));
  const subBlocks = (from: number): number => {
    let p = from;
    while (p < b.length && b[p] !== 0) p += b[p] + 1;
    return p < b.length ? p + 1 : -1;
  };
  while (at < b.length) {
    const block = b[at];
    if (block === 0x3b) return true;
    if (block === 0x21) {
      at = subBlocks(at + 2);
    } else if (block === 0x2c) {
      if (at + 10 > b.length) return false;
      const packed = b[at + 9];
      at += 10;
      if (packed & 0x80) at += 3 * (1 << ((packed & 0x07) + 1));
      at = subBlocks(at + 1);
    } else {
      return false;
    }
    if (at < 0) return false;
  }
  return false;
}

/** JPEG: start marker, framed segments with a frame header before the scan, and the end marker last. */
export function isJpeg(b: Uint8Array): boolean {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return false;
  let end = b.length;
  while (end > 2 && b[end - 1] === 0x00) end--;
  if (b[end - 2] !== 0xff || b[end - 1] !== 0xd9) return false;
  let at = 2;
  let frame = false;
  while (at + 4 <= end) {
    if (b[at] !== 0xff) return false;
    const marker = b[at + 1];
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = (b[at + 2] << 8) | b[at + 3];
    if (length < 2 || at + 2 + length > end) return false;
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) frame = true;
    if (marker === 0xda) return frame;
    at += 2 + length;
  }
  return false;
}

/** WebP: RIFF size matching the file, "WEBP", and a VP8, VP8L or VP8X first chunk that fits. */
export function isWebp(b: Uint8Array): boolean {
  if (b.length < 20 || ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 4) !== 'WEBP') return false;
  const riffSize = (b[4] | (b[5] << 8) | (b[6] << 16) | (b[7] << 24)) >>> 0;
  if (riffSize + 8 !== b.length && riffSize + 9 !== b.length) return false;
  const chunk = ascii(b, 12, 4);
  const chunkSize = (b[16] | (b[17] << 8) | (b[18] << 16) | (b[19] << 24)) >>> 0;
  return (chunk === 'VP8 ' || chunk === 'VP8L' || chunk === 'VP8X') && 20 + chunkSize <= b.length;
}
