// Shared pieces: error message, 0-10 scale, choice buttons.
import type { ComponentChildren } from 'preact';

export function ErrorText({ error }: { error: string | null | undefined }) {
  if (!error) return null;
  return (
    <p class="error" role="alert">
      {error}
    </p>
  );
}

export function Scale(props: {
  label: string;
  name: string;
  value: number | null;
  onChange: (v: number) => void;
  low?: string;
  high?: string;
}) {
  return (
    <fieldset class="scale">
      <legend>{props.label}</legend>
      <div class="scale-row">
        {Array.from({ length: 11 }, (_, i) => (
          <label class={props.value === i ? 'scale-opt on' : 'scale-opt'}>
            <input type="radio" name={props.name} value={i} checked={props.value === i} onChange={() => props.onChange(i)} />
            <span>{i}</span>
          </label>
        ))}
      </div>
      {props.low && (
        <div class="scale-ends" aria-hidden="true">
          <span>{props.low}</span>
          <span>{props.high}</span>
        </div>
      )}
    </fieldset>
  );
}

export function Choice<T extends string>(props: {
  label: string;
  name: string;
  value: T | null;
  options: [T, string][];
  onChange: (v: T) => void;
}) {
  return (
    <fieldset class="choice">
      <legend>{props.label}</legend>
      {props.options.map(([v, text]) => (
        <label class={props.value === v ? 'choice-opt on' : 'choice-opt'}>
          <input type="radio" name={props.name} value={v} checked={props.value === v} onChange={() => props.onChange(v)} />
          <span>{text}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function Card(props: { title?: string; children: ComponentChildren; class?: string }) {
  return (
    <section class={'card ' + (props.class ?? '')}>
      {props.title && <h2>{props.title}</h2>}
      {props.children}
    </section>
  );
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
