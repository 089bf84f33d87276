import { Select } from "@codegouvfr/react-dsfr/Select";
import type { ReactNode } from "react";
import { PARTNER_SECTORS } from "../../server/shared";

/** The sector of an organisation, from the template's list, or "Non précisé" (""). */
export function SectorSelect({ label, value, onChange, className }: { label: ReactNode; value: string; onChange: (sector: string) => void; className?: string }) {
  return (
    <Select className={className} label={label} nativeSelectProps={{ value, onChange: (e) => onChange(e.target.value) }}>
      <option value="">Non précisé</option>
      {PARTNER_SECTORS.map((s) => (
        <option key={s} value={s}>
          {s}
        </option>
      ))}
    </Select>
  );
}
