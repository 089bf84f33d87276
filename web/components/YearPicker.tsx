/**
 * The year to show: chosen, then shown with the button (a select that changed the page
 * as one moves in it would lose keyboard users). COTECH table, annual report.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useEffect, useState } from "react";
import "../pages/overview/overview.css";

interface Props {
  label: string;
  year: number;
  years: number[];
  onPick: (year: number) => void;
}

export function YearPicker({ label, year, years, onPick }: Props) {
  const [chosen, setChosen] = useState(year);
  useEffect(() => setChosen(year), [year]);
  return (
    <form
      className={fr.cx("fr-col-12", "fr-col-md-6")}
      onSubmit={(e) => {
        e.preventDefault();
        onPick(chosen);
      }}
    >
      <div className="cles-inline-buttons cles-year-picker">
        <Select label={label} className={fr.cx("fr-mb-0")} nativeSelectProps={{ value: String(chosen), onChange: (e) => setChosen(Number(e.target.value)) }}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
        <Button type="submit" priority="secondary">
          Afficher
        </Button>
      </div>
    </form>
  );
}
