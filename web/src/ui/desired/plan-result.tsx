'use client';
import { graphql } from '../../gql';
import type { ApplyResultFieldsFragment } from '../../gql/graphql';
import { useT } from '../../lib/prefs';
import { Empty } from '../states';
import { changedHosts, countGroupSigns, groupPlans } from '../../../../manifests/plan-groups';

graphql(`
  fragment ApplyResultFields on ApplyResult {
    applied
    unchanged
    revision {
      id
    }
    errors {
      file
      line
      column
      code
      message
    }
    hosts {
      host
      desiredHash
      changed
      profiles
      actions {
        type
        key
        reason
        message
        sign
      }
    }
  }
`);

export type ApplyResult = ApplyResultFieldsFragment;
export type ManifestError = ApplyResult['errors'][number];

/** `file:line:column` the way the CLI prints it (no position when the server has none). */
export function errorPlace(e: Pick<ManifestError, 'file' | 'line' | 'column'>): string {
  return e.line > 0 ? `${e.file}:${e.line}:${e.column > 0 ? e.column : 1}` : e.file;
}

/** Every error, in the CLI's `file:line:column: message [CODE]` form (formatApplyError); a click selects the place. */
export function ErrorList({ errors, onPick }: { errors: readonly ManifestError[]; onPick?: (e: ManifestError) => void }) {
  const { t } = useT();
  return (
    <div className="plan-errors" role="alert" data-testid="plan-errors">
      <p className="form-error">{t('desired.plan.errorCount', { count: errors.length })}</p>
      <ol className="error-list">
        {errors.map((e, i) => (
          <li key={i}>
            {onPick && e.line > 0 ? (
              <button type="button" className="link-button mono" onClick={() => onPick(e)}>
                {errorPlace(e)}
              </button>
            ) : (
              <span className="mono">{errorPlace(e)}</span>
            )}
            {': '}
            <span className="error-message">{e.message}</span> <span className="muted mono error-code">[{e.code}]</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The per-host plan as `ioms diff` shows it: hosts with the same plan together, one signed line per action. */
export function PlanHosts({ result }: { result: ApplyResult }) {
  const { t } = useT();
  if (result.unchanged) return <p className="notice">{t('desired.plan.unchanged')}</p>;
  const groups = groupPlans(changedHosts(result.hosts));
  if (groups.length === 0) return <Empty>{t('desired.plan.noHosts')}</Empty>;
  const signs = countGroupSigns(groups);
  return (
    <div className="plan" data-testid="plan-hosts">
      <p className="plan-summary">
        {t('desired.plan.summary', { hosts: signs.hosts, actions: signs.actions })} <span className="sign sign-add">+{signs.add}</span> <span className="sign sign-change">~{signs.change}</span> <span className="sign sign-remove">−{signs.remove}</span>
      </p>
      {groups.map((g, i) => (
        <section key={i} className="plan-group" aria-label={g.hosts.join(', ')}>
          <header className="plan-group-head">
            <span className="plan-hosts mono">{g.hosts.join(', ')}</span>
            {g.profiles.length ? (
              <span className="labels">
                {g.profiles.map((p) => (
                  <span key={p} className="chip">
                    {p}
                  </span>
                ))}
              </span>
            ) : null}
          </header>
          {g.actions.length === 0 ? (
            <p className="muted small plan-none">{t('desired.plan.noActions')}</p>
          ) : (
            <ul className="plan-actions">
              {g.actions.map((a, j) => {
                const sign = a.sign;
                return (
                  <li key={j} className={`plan-action sign-${sign === '+' ? 'add' : sign === '-' ? 'remove' : sign === '!' ? 'hold' : 'change'}`} data-action={a.type}>
                    <span className="plan-sign mono" aria-hidden="true">
                      {sign}
                    </span>
                    <span className="mono plan-type">{a.type}</span> <span className="mono plan-key">{a.key}</span>
                    <span className="plan-reason muted">
                      {a.reason}: {a.message}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
