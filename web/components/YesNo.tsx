import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";

/** Oui / Non / Non renseigné, for the template's yes-no questions. */
export function YesNo({ legend, name, value, onChange, id }: { legend: string; name: string; value: boolean | null; onChange: (v: boolean | null) => void; id?: string }) {
  const option = (label: string, v: boolean | null, first = false) => ({
    label,
    nativeInputProps: { checked: value === v, onChange: () => onChange(v), value: String(v), ...(first && id ? { id } : {}) },
  });
  return <RadioButtons legend={legend} name={name} orientation="horizontal" options={[option("Oui", true, true), option("Non", false), option("Non renseigné", null)]} />;
}
