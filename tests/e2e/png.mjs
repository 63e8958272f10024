// A minimal PNG reader for the screenshot checks: header, dimensions and pixel statistics
// (8-bit RGB/RGBA, non-interlaced, which is what Chromium writes).
import { inflateSync } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function readPng(buf) {
  if (buf.length < 33 || !buf.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG (bad signature)");
  let off = 8;
  let ihdr = null;
  const idat = [];
  for (let guard = 0; off + 8 <= buf.length && guard < 100000; guard++) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString("latin1", off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (type === "IHDR") {
      ihdr = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8],
        colorType: data[9],
        interlace: data[12],
      };
    } else if (type === "IDAT") {
      idat.push(data);
    } else if (type === "IEND") {
      break;
    }
    off += 12 + len;
  }
  if (!ihdr) throw new Error("PNG without IHDR");
  return { ...ihdr, idat: Buffer.concat(idat) };
}

/** Decodes pixels and returns { distinctColors, dominantShare } over the whole image. */
export function pixelStats(png) {
  const { width, height, bitDepth, colorType, interlace } = png;
  if (bitDepth !== 8 || (colorType !== 2 && colorType !== 6) || interlace !== 0) {
    throw new Error(`unsupported PNG format (depth ${bitDepth}, color type ${colorType}, interlace ${interlace})`);
  }
  const bpp = colorType === 6 ? 4 : 3;
  const stride = width * bpp;
  const raw = inflateSync(png.idat);
  if (raw.length < height * (stride + 1)) throw new Error("PNG data too short");
  let prev = Buffer.alloc(stride);
  const counts = new Map();
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? line[x - bpp] : 0;
      const b = prev[x];
      const c = x >= bpp ? prev[x - bpp] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[x] = v & 0xff;
    }
    for (let x = 0; x < width; x += 1) {
      const i = x * bpp;
      const key = (line[i] << 16) | (line[i + 1] << 8) | line[i + 2];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    prev = line;
  }
  let max = 0;
  for (const n of counts.values()) max = Math.max(max, n);
  return { distinctColors: counts.size, dominantShare: max / (width * height) };
}
