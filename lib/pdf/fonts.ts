import fs from 'node:fs';
import path from 'node:path';

// The editions are set in Noto Serif SC (SIL Open Font License), from the registry package
// @expo-google-fonts/noto-serif-sc: the whole GB 2312 and far beyond, so no character of a case
// falls back to a box. pdfkit embeds only the glyphs a document uses (a subset), so a PDF carries
// tens of kilobytes of font, not the 15 MB file. The files are read at run time from the
// dependency's folder; next.config.ts traces them into the standalone server
// (outputFileTracingIncludes) and scripts/prepare-standalone.mjs checks they are there.

export const FONT_FILES = {
  regular: 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: 'node_modules/@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
} as const;

export type FontWeight = keyof typeof FONT_FILES;

const holder = globalThis as typeof globalThis & { __casebookPdfFonts?: Record<FontWeight, Buffer> };

/** The two font files, read once per process (about 30 MB, kept for the next edition). */
export function editionFonts(): Record<FontWeight, Buffer> {
  holder.__casebookPdfFonts ??= {
    regular: fs.readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), FONT_FILES.regular)),
    bold: fs.readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), FONT_FILES.bold)),
  };
  return holder.__casebookPdfFonts;
}
