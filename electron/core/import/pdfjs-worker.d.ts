/** PDF.js ships no types for its worker module; the import only hands it to PDF.js (see pdf.ts). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
