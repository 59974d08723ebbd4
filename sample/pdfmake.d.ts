// pdfmake 0.3 ships no types; this covers the server-side calls sample/render-pdf.ts makes.
declare module 'pdfmake' {
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
    write(filePath: string): Promise<void>;
  }
  interface PdfMake {
    addFonts(fonts: Record<string, Record<string, string>>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    createPdf(docDefinition: object): OutputDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
