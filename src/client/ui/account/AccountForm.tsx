import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ApiResult } from '../../account/api';

export interface AccountField {
  name: string;
  label: string;
  type: 'text' | 'email' | 'password';
  autocomplete: string;
  initial?: string;
}

interface Props {
  title: string;
  intro: string;
  submitLabel: string;
  fields: AccountField[];
  submit: (values: Record<string, string>) => Promise<ApiResult>;
  onDone: () => void;
  /** Shown under the form, like the sign-in screen's "Forgot password?". */
  footer?: ComponentChildren;
}

/** Sign-in, first-run set-up and invite acceptance share one accessible form. */
export function AccountForm({ title, intro, submitLabel, fields, submit, onDone, footer }: Props) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, f.initial ?? ''])),
  );
  const [problem, setProblem] = useState<{
    message: string;
    fields: Record<string, string>;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const result = await submit(values);
    setBusy(false);
    if (result.ok) onDone();
    else setProblem({ message: result.message, fields: result.fields });
  };
  return (
    <section class="screen account" aria-labelledby="account-title">
      <h2 id="account-title">{title}</h2>
      <p class="muted">{intro}</p>
      {problem && (
        <p class="banner attention" role="alert">
          {problem.message}
        </p>
      )}
      <form class="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        {fields.map((f) => {
          const error = problem?.fields[f.name];
          return (
            <div class="field" key={f.name}>
              <label for={`account-${f.name}`}>{f.label}</label>
              <input
                id={`account-${f.name}`}
                type={f.type}
                autocomplete={f.autocomplete}
                value={values[f.name]}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `account-${f.name}-error` : undefined}
                onInput={(e) => {
                  const value = e.currentTarget.value;
                  setValues((v) => ({ ...v, [f.name]: value }));
                }}
              />
              {error && (
                <p class="field-error" id={`account-${f.name}-error`}>
                  {error}
                </p>
              )}
            </div>
          );
        })}
        <div class="form-actions">
          <button type="submit" class="button primary" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
      {footer}
    </section>
  );
}
