import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One image a PDF page paints, as pdf.js decoded it for drawing: RGBA (kind 3), RGB (2) or 1-bit grey (1). */
interface PaintedImage {
  width: number;
  height: number;
  kind: number;
  data: Uint8ClampedArray | Uint8Array;
}

/** Per page, in drawing order, the images the page paints (read through pdf.js's operator list). */
export async function paintedImages(bytes: Uint8Array): Promise<PaintedImage[][]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PaintedImage[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const operators = await page.getOperatorList();
    const images: PaintedImage[] = [];
    for (let i = 0; i < operators.fnArray.length; i++) {
      if (operators.fnArray[i] !== OPS.paintImageXObject) continue;
      const objectId = (operators.argsArray[i] as [string])[0];
      // Decoded images are resolved asynchronously: the callback form waits for them.
      images.push(await new Promise<PaintedImage>((resolve) => page.objs.get(objectId, resolve)));
    }
    pages.push(images);
  }
  await pdf.destroy();
  return pages;
}

function isDark(image: PaintedImage, x: number, y: number): boolean {
  if (image.kind === 1) {
    const rowBytes = Math.ceil(image.width / 8);
    return ((image.data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1) === 0;
  }
  const channels = image.kind === 3 ? 4 : 3;
  const at = (y * image.width + x) * channels;
  const alpha = channels === 4 ? image.data[at + 3]! : 255;
  const luminance = (image.data[at]! + image.data[at + 1]! + image.data[at + 2]!) / 3;
  return alpha >= 128 && luminance < 128;
}

/**
 * Reads a QR code's module matrix from the pixels a reader paints, knowing nothing of how it was
 * made: the dark bounding box is the symbol; the top-left finder pattern is 7 modules wide, which
 * gives the module size; each module is read at its centre. Row-major, true = dark.
 */
export function qrModules(image: PaintedImage): boolean[][] {
  let minX = image.width;
  let minY = image.height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++)
      if (isDark(image, x, y)) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
  if (maxX < 0) throw new Error('the image has no dark pixel: not a QR code');
  let finderRun = 0;
  while (minX + finderRun <= maxX && isDark(image, minX + finderRun, minY)) finderRun++;
  const moduleSize = finderRun / 7;
  const size = Math.round((maxX - minX + 1) / moduleSize);
  if (size !== Math.round((maxY - minY + 1) / moduleSize)) throw new Error('the symbol is not square: not a QR code');
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, column) =>
      isDark(image, Math.floor(minX + (column + 0.5) * moduleSize), Math.floor(minY + (row + 0.5) * moduleSize)),
    ),
  );
}
