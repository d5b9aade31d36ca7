/**
 * The slice of `FileReader` storage multipart upload needs in Node (wire-spec §8.6): readAsArrayBuffer
 * and readAsDataURL with onload/onerror/onabort.
 */
export class NodeFileReader {
  result: ArrayBuffer | string | null = null;
  error: unknown = null;
  readyState = 0;
  onload: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onabort: ((ev: unknown) => void) | null = null;
  onloadend: ((ev: unknown) => void) | null = null;

  readAsArrayBuffer(blob: Blob): void {
    this.read(blob.arrayBuffer());
  }

  readAsDataURL(blob: Blob): void {
    this.read(blob.arrayBuffer().then((b) => `data:${blob.type || 'application/octet-stream'};base64,${Buffer.from(b).toString('base64')}`));
  }

  abort(): void {
    this.onabort?.({ target: this });
  }

  private read(p: Promise<ArrayBuffer | string>): void {
    this.readyState = 1;
    p.then(
      (result) => { this.result = result; this.readyState = 2; this.onload?.({ target: this }); this.onloadend?.({ target: this }); },
      (err) => { this.error = err; this.readyState = 2; this.onerror?.({ target: this }); this.onloadend?.({ target: this }); },
    );
  }
}
