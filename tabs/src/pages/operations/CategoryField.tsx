import { Combobox, Field, Option } from '@fluentui/react-components';
import { categoryNameSchema } from '@planboard/contracts';

export interface CategoryFieldProps {
  label: string;
  hint: string;
  value: string;
  suggestions: readonly string[];
  onChange(value: string): void;
}

/** The problem with a typed category name, in words (empty = leave unchanged). */
export function categoryProblem(value: string): string | undefined {
  if (!value.trim()) return undefined;
  const parsed = categoryNameSchema.safeParse(value);
  return parsed.success ? undefined : `${parsed.error.issues[0]?.message ?? 'not a valid name'}.`;
}

/** Free text with suggestions: pick one or type a new name. */
export function CategoryField({ label, hint, value, suggestions, onChange }: CategoryFieldProps) {
  const problem = categoryProblem(value);
  return (
    <Field label={label} hint={hint} validationMessage={problem} validationState={problem ? 'error' : 'none'}>
      <Combobox
        freeform
        value={value}
        selectedOptions={suggestions.includes(value) ? [value] : []}
        onChange={(event) => onChange(event.target.value)}
        onOptionSelect={(_, data) => onChange(data.optionText ?? '')}
        placeholder="Leave empty to keep"
      >
        {suggestions.map((name) => (
          <Option key={name}>{name}</Option>
        ))}
      </Combobox>
    </Field>
  );
}
