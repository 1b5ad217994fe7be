// Scheduling settings. Input is checked here first so mistakes are explained next to the field;
// the backend validates again and its answer wins.
import { useEffect, useState, type FormEvent } from 'react';
import type { Api, Settings as SettingsValues } from '../../api/contract.ts';
import { ApiError } from '../api.ts';
import { useReport } from '../errors.tsx';
import { checkSettings, formOf, type SettingsForm } from '../settings/validate.ts';

type Field = keyof SettingsValues;

type FieldSpec =
  | { name: Field; kind: 'text'; label: string; help: string; inputMode: 'decimal' | 'numeric' }
  | { name: Field; kind: 'select'; label: string; help: string; options: { value: string; label: string }[] }
  | { name: Field; kind: 'checkbox'; label: string; help: string };

const fields: FieldSpec[] = [
  {
    name: 'desiredRetention',
    kind: 'text',
    label: 'Desired retention',
    help: 'The chance of remembering a card when it comes due, from 0.70 to 0.99. Higher means more reviews.',
    inputMode: 'decimal',
  },
  { name: 'newPerDay', kind: 'text', label: 'New cards per day', help: 'Per deck. Anki’s default is 20.', inputMode: 'numeric' },
  {
    name: 'reviewsPerDay',
    kind: 'text',
    label: 'Reviews per day',
    help: 'Per deck. Anki’s default is 200. New cards count toward it too, unless the box below is ticked.',
    inputMode: 'numeric',
  },
  {
    name: 'newIgnoresReviewLimit',
    kind: 'checkbox',
    label: 'New cards do not count toward the review limit',
    help: 'Off by default, as in Anki: reviews come first, and new cards only fill what the review limit leaves.',
  },
  {
    name: 'newReviewOrder',
    kind: 'select',
    label: 'New cards among reviews',
    help: 'Anki’s default spreads the day’s new cards evenly among its reviews.',
    options: [
      { value: 'mix', label: 'Spread among the reviews' },
      { value: 'afterReviews', label: 'After the reviews' },
      { value: 'beforeReviews', label: 'Before the reviews' },
    ],
  },
  {
    name: 'dayStartHour',
    kind: 'text',
    label: 'Next day starts at (hour)',
    help: 'Local hour, 0–23, when a new study day begins. Anki’s default is 4.',
    inputMode: 'numeric',
  },
];

export function Settings(props: { api: Api }) {
  const { api } = props;
  const report = useReport();
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.getSettings({}).then((s) => live && setForm(formOf(s)), report);
    return () => {
      live = false;
    };
  }, [api, report]);

  if (!form) return <p className="muted">Loading settings…</p>;

  const change = (name: Field, value: string) => {
    setForm({ ...form, [name]: value });
    setSaved(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const checked = checkSettings(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    try {
      const stored = await api.updateSettings(checked.settings);
      setForm(formOf(stored));
      setSaved('Saved. New limits apply to the next card you see.');
    } catch (err) {
      if (err instanceof ApiError && err.issues.length > 0) {
        const byField: Partial<Record<Field, string>> = {};
        for (const i of err.issues) {
          const f = fields.find((x) => i.path === x.name || i.path.startsWith(`${x.name}.`));
          if (f) byField[f.name] = i.message;
        }
        setErrors(byField);
      }
      report(err);
    }
  };

  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      {/* noValidate: our own messages say what range is allowed, in words. */}
      <form className="settings" onSubmit={(e) => void submit(e)} noValidate>
        {fields.map((f) => (
          <div key={f.name} className={`field ${errors[f.name] ? 'field-invalid' : ''}`}>
            {f.kind === 'checkbox' ? (
              <label className="check-label" htmlFor={`setting-${f.name}`}>
                <input
                  id={`setting-${f.name}`}
                  name={f.name}
                  type="checkbox"
                  checked={form[f.name] === 'true'}
                  aria-describedby={`setting-${f.name}-help`}
                  onChange={(e) => change(f.name, String(e.target.checked))}
                />{' '}
                {f.label}
              </label>
            ) : (
              <label htmlFor={`setting-${f.name}`}>{f.label}</label>
            )}
            {f.kind === 'select' && (
              <select
                id={`setting-${f.name}`}
                name={f.name}
                value={form[f.name]}
                aria-invalid={errors[f.name] ? true : undefined}
                aria-describedby={`setting-${f.name}-help`}
                onChange={(e) => change(f.name, e.target.value)}
              >
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
            {f.kind === 'text' && (
              <input
                id={`setting-${f.name}`}
                name={f.name}
                type="text"
                inputMode={f.inputMode}
                value={form[f.name]}
                aria-invalid={errors[f.name] ? true : undefined}
                aria-describedby={`setting-${f.name}-help`}
                onChange={(e) => change(f.name, e.target.value)}
              />
            )}
            <p id={`setting-${f.name}-help`} className={errors[f.name] ? 'field-error' : 'help'}>
              {errors[f.name] ?? f.help}
            </p>
          </div>
        ))}
        <p className="actions">
          <button type="submit" className="primary">
            Save settings
          </button>
          {saved && (
            <span className="saved" role="status">
              {saved}
            </span>
          )}
        </p>
      </form>
    </section>
  );
}
