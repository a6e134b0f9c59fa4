'use client';
import { useRef, useState } from 'react';
import { formatBytes } from '../../lib/format';
import { useT } from '../../lib/prefs';
import { Panel } from '../states';
import { UploadError, uploadArtifact, type UploadedArtifact, type UploadHandle } from './upload';

type Phase = { kind: 'idle' } | { kind: 'sending'; sent: number; total: number } | { kind: 'done'; artifact: UploadedArtifact } | { kind: 'failed'; message: string };

/** Upload one file as a new artifact version, with a progress bar; operators and admins only (the page hides it otherwise). */
export function UploadForm({ onUploaded }: { onUploaded: (a: UploadedArtifact) => void }) {
  const { t } = useT();
  const [file, setFile] = useState<File | undefined>(undefined);
  const [name, setName] = useState('');
  const [version, setVersion] = useState('');
  const [md5, setMd5] = useState('');
  const [sha256, setSha256] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const handle = useRef<UploadHandle | undefined>(undefined);
  const sending = phase.kind === 'sending';

  const start = async () => {
    if (!file || !name.trim()) return;
    setPhase({ kind: 'sending', sent: 0, total: file.size });
    const h = uploadArtifact({ file, name: name.trim(), version: version.trim(), md5: md5.trim(), sha256: sha256.trim() }, (sent, total) => setPhase({ kind: 'sending', sent, total }));
    handle.current = h;
    try {
      const a = await h.done;
      setPhase({ kind: 'done', artifact: a });
      onUploaded(a);
    } catch (err) {
      const e = err instanceof UploadError ? err : new UploadError(String(err), 'UNKNOWN', 0);
      setPhase({ kind: 'failed', message: e.code === 'ABORTED' ? t('artifacts.upload.cancelled') : e.code === 'NETWORK' ? t('artifacts.upload.network') : e.message });
    } finally {
      handle.current = undefined;
    }
  };
  const percent = phase.kind === 'sending' && phase.total > 0 ? Math.min(100, Math.round((phase.sent / phase.total) * 100)) : phase.kind === 'done' ? 100 : 0;

  return (
    <Panel title={t('artifacts.upload.title')} className="upload-panel">
      <form
        className="upload-form"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <div className="field upload-file">
          <span>{t('artifacts.upload.file')}</span>
          <div className="upload-pick">
            <label className={sending ? 'btn btn-file disabled' : 'btn btn-file'}>
              {t('artifacts.upload.choose')}
              <input
                type="file"
                className="sr-only"
                data-testid="upload-file"
                disabled={sending}
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  setFile(f);
                  if (f) setName(f.name);
                  setPhase({ kind: 'idle' });
                }}
              />
            </label>
            <span className={file ? 'upload-file-name' : 'upload-file-name muted'} title={file?.name}>
              {file ? `${file.name} · ${formatBytes(file.size)}` : t('artifacts.upload.noFile')}
            </span>
          </div>
        </div>
        <label className="field">
          <span>{t('artifacts.upload.name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} disabled={sending} data-testid="upload-name" maxLength={128} required />
        </label>
        <label className="field">
          <span>{t('artifacts.upload.version')}</span>
          <input value={version} onChange={(e) => setVersion(e.target.value)} disabled={sending} placeholder={t('artifacts.upload.versionPlaceholder')} data-testid="upload-version" maxLength={64} />
        </label>
        <label className="field">
          <span>{t('artifacts.upload.md5')}</span>
          <input className="mono" value={md5} onChange={(e) => setMd5(e.target.value)} disabled={sending} placeholder={t('artifacts.upload.optional')} maxLength={32} />
        </label>
        <label className="field">
          <span>{t('artifacts.upload.sha256')}</span>
          <input className="mono" value={sha256} onChange={(e) => setSha256(e.target.value)} disabled={sending} placeholder={t('artifacts.upload.optional')} maxLength={64} />
        </label>
        <div className="upload-actions">
          <button type="submit" className="btn btn-primary" disabled={!file || !name.trim() || sending} data-testid="upload-submit">
            {t('artifacts.upload.submit')}
          </button>
          {sending ? (
            <button type="button" className="btn" onClick={() => handle.current?.abort()}>
              {t('artifacts.upload.cancel')}
            </button>
          ) : null}
        </div>
      </form>
      {file ? <p className="muted small upload-hint">{t('artifacts.upload.checksumHint')}</p> : null}
      {phase.kind === 'sending' || phase.kind === 'done' ? (
        <div className="upload-progress">
          <div className="upload-bar" role="progressbar" aria-label={t('artifacts.upload.progress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} data-testid="upload-progress">
            <span className={phase.kind === 'done' ? 'upload-bar-fill done' : 'upload-bar-fill'} style={{ width: `${percent}%` }} />
          </div>
          <span className="small muted nowrap">
            {phase.kind === 'sending' ? t('artifacts.upload.sent', { sent: formatBytes(phase.sent), total: formatBytes(phase.total), percent }) : t('artifacts.upload.verified')}
          </span>
        </div>
      ) : null}
      {phase.kind === 'done' ? (
        <div className="notice notice-ok upload-result" role="status" data-testid="upload-result">
          <strong>{phase.artifact.created ? t('artifacts.upload.created', { name: `${phase.artifact.name}@${phase.artifact.version}` }) : t('artifacts.upload.same', { name: `${phase.artifact.name}@${phase.artifact.version}` })}</strong>
          <dl className="kv checksums">
            <dt>{t('artifacts.sha256')}</dt>
            <dd className="mono" data-testid="upload-sha256">
              {phase.artifact.sha256}
            </dd>
            <dt>{t('artifacts.md5')}</dt>
            <dd className="mono" data-testid="upload-md5">
              {phase.artifact.md5}
            </dd>
            <dt>{t('artifacts.list.size')}</dt>
            <dd>{formatBytes(phase.artifact.sizeBytes)}</dd>
          </dl>
        </div>
      ) : null}
      {phase.kind === 'failed' ? (
        <p className="form-error" role="alert" data-testid="upload-error">
          {phase.message}
        </p>
      ) : null}
    </Panel>
  );
}
