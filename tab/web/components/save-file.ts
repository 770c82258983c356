/** Hands a downloaded file to the browser under its server-given name (Teams' webview saves it too). */
export function saveFile(file: { blob: Blob; filename: string }): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(file.blob);
  link.download = file.filename;
  link.click();
  URL.revokeObjectURL(link.href);
}
