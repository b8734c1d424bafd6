/**
 * Saves text as a file through the browser's download (works in Electron and the dev bridge alike).
 * The BOM makes Excel read UTF-8 names (Müller, Dvořák) correctly.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in Chromium; a moment later is safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
