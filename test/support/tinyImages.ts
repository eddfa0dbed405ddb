/**
 * The smallest well-formed file of each format an export embeds, built byte by byte so a test can
 * tell a real image (whole structure) from a file that only starts like one.
 */

/** A 1×1 PNG (signature, IHDR, IDAT, IEND). */
export const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
/** A 1×1 GIF89a (screen descriptor, colour table, graphic control, image, trailer). */
export const GIF_1X1 = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
/** A JPEG's framing: start, a baseline frame header, a scan header, scan data, end. */
export const JPEG_FRAMED = Buffer.from([
  0xff, 0xd8,
  0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
  0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00,
  0x12, 0x34,
  0xff, 0xd9,
]);
/** A lossless WebP's framing: RIFF header sized to the file, WEBP, one VP8L chunk. */
export const WEBP_FRAMED = (() => {
  const chunk = Buffer.from([0x2f, 0x00, 0x00, 0x00, 0x00, 0x00]);
  const body = Buffer.concat([Buffer.from('WEBPVP8L'), Buffer.from([chunk.length, 0, 0, 0]), chunk]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from('RIFF'), size, body]);
})();
