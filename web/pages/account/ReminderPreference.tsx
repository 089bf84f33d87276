/** On « Mon compte »: whether the person receives the reminder before each quarterly review (issue 6). */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { ToggleSwitch } from "@codegouvfr/react-dsfr/ToggleSwitch";
import { useState } from "react";
import { usePreferences, useSavePreferences } from "../../api/reviews";

export function ReminderPreference() {
  const preferences = usePreferences();
  const save = useSavePreferences();
  // The switch follows the click at once (a controlled input otherwise snaps back until the mutation's state arrives).
  const [chosen, setChosen] = useState<boolean | null>(null);
  return (
    <section className={fr.cx("fr-mb-6w")} aria-labelledby="rappels">
      <h2 id="rappels">Rappels par courriel</h2>
      {preferences.isPending ? (
        <p role="status">Chargement de vos préférences…</p>
      ) : preferences.error ? (
        <Alert severity="error" small description={`Vos préférences n'ont pas pu être chargées : ${preferences.error.message}`} />
      ) : (
        <div className="cles-narrow">
          <ToggleSwitch
            label="Recevoir un rappel avant chaque revue trimestrielle"
            helperText="Deux semaines avant la fin de chaque trimestre, un courriel liste les fiches que vous pilotez et qui n'ont pas encore d'avancement ce trimestre."
            checked={chosen ?? preferences.data.reviewReminders}
            disabled={save.isPending}
            onChange={(checked) => {
              setChosen(checked);
              save.mutate({ reviewReminders: checked }, { onError: () => setChosen(null) });
            }}
            labelPosition="left"
          />
          <div aria-live="polite" role="status">
            {save.isSuccess && <p className={fr.cx("fr-text--sm", "fr-mt-1w")}>{save.data.reviewReminders ? "Rappels activés." : "Vous ne recevrez plus ces rappels."}</p>}
          </div>
          {save.error && <Alert severity="error" small description={`Votre choix n'a pas été enregistré : ${save.error.message}`} role="alert" />}
        </div>
      )}
    </section>
  );
}
