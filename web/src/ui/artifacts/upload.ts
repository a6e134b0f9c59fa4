import type { UploadedArtifact } from '../../../../protocol/artifact-upload.schema';

/** One artifact version as the upload route answers it (protocol/artifact-upload.schema.ts). */
export type { UploadedArtifact };

export interface UploadRequest {
  readonly file: Blob;
  readonly name: string;
  readonly version?: string;
  readonly md5?: string;
  readonly sha256?: string;
}

export interface UploadHandle {
  readonly done: Promise<UploadedArtifact>;
  abort(): void;
}

export class UploadError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** `/artifacts/<name>?version=&md5=&sha256=` with empty parameters left out. */
export function uploadUrl(r: Omit<UploadRequest, 'file'>): string {
  const q = new URLSearchParams();
  if (r.version) q.set('version', r.version);
  if (r.md5) q.set('md5', r.md5);
  if (r.sha256) q.set('sha256', r.sha256);
  const s = q.toString();
  return `/artifacts/${encodeURIComponent(r.name)}${s ? `?${s}` : ''}`;
}

/**
 * Streams a file as the raw body of `PUT /artifacts/:name` (the browser reads it from disk as
 * it sends; nothing goes through GraphQL). XMLHttpRequest because fetch reports no upload
 * progress. The session cookie goes along; the server honours it only from this origin.
 */
export function uploadArtifact(r: UploadRequest, onProgress: (sent: number, total: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadedArtifact>((resolve, reject) => {
    xhr.open('PUT', uploadUrl(r));
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : r.file.size);
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status === 200 || xhr.status === 201) return resolve(body as UploadedArtifact);
      const err = (body as { errors?: { message?: string; extensions?: { code?: string } }[] } | undefined)?.errors?.[0];
      reject(new UploadError(err?.message ?? `HTTP ${xhr.status}`, err?.extensions?.code ?? 'HTTP_ERROR', xhr.status));
    };
    xhr.onerror = () => reject(new UploadError('the connection to the server failed', 'NETWORK', 0));
    xhr.onabort = () => reject(new UploadError('cancelled', 'ABORTED', 0));
    xhr.send(r.file);
  });
  return { done, abort: () => xhr.abort() };
}
