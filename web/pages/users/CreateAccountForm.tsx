import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { api, ApiError } from "../../api/client";
import { useContracts } from "../../api/queries";
import { controlProps, ErrorSummary, RequiredNote, errorProps, fieldId, type Errors } from "../../components/form";
import { formatDateTime } from "../../format";
import { TerritoryFields } from "./TerritoryFields";
import { useRefreshUsers, type TerritoryValue, type UserCreated } from "./api";

type Role = "admin" | "ars" | "coordinator";

const ROLES: { role: Role; label: string; hint: string }[] = [
  { role: "admin", label: "Administrateur de la plateforme", hint: "Tous les contrats, les comptes et le journal." },
  { role: "ars", label: "Délégation ARS", hint: "Lit et exporte les contrats de son territoire : départements ou région." },
  { role: "coordinator", label: "Coordination d'un contrat", hint: "Tout sur un contrat, dont ses membres." },
];

/** The visible labels, which the error summary names its errors by. */
const LABELS: Record<string, string> = { email: "Adresse e-mail", name: "Nom", role: "Rôle", departements: "Territoire suivi", regions: "Territoire suivi", contractId: "Contrat coordonné" };
const labelOf = (path: string) => LABELS[path.split(".")[0]!] ?? path;

/** Creates an account; its one-time link is shown here once, with a copy button, and mailed. */
export function CreateAccountForm() {
  const refresh = useRefreshUsers();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("ars");
  const [territory, setTerritory] = useState<TerritoryValue>({ departements: [], regions: [] });
  const [contractSearch, setContractSearch] = useState("");
  const [contractId, setContractId] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const contracts = useContracts(role === "coordinator", { q: contractSearch.trim() });
  const create = useMutation({
    mutationFn: () =>
      api<UserCreated>("/admin/users", {
        method: "POST",
        body: { email, name, role, ...(role === "ars" ? territory : {}), ...(role === "coordinator" && contractId ? { contractId } : {}) },
      }),
    onSuccess: async () => {
      setEmail("");
      setName("");
      setTerritory({ departements: [], regions: [] });
      setContractId("");
      await refresh();
    },
    onError: (error) => setErrors(error instanceof ApiError && error.status === 400 ? error.fieldErrors() : {}),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    create.mutate();
  };
  const failure = create.error instanceof ApiError && !Object.keys(errors).length ? create.error : null;
  return (
    <section className={fr.cx("fr-mb-6w")} aria-labelledby="creer">
      <h2 id="creer" tabIndex={-1}>
        Créer un compte
      </h2>
      {create.data && <CreatedLink created={create.data} onDone={() => create.reset()} />}
      <form onSubmit={submit} noValidate className="cles-narrow">
        <ErrorSummary errors={errors} labels={labelOf} />
        <RequiredNote all />
        {failure && <Alert severity="error" small description={failure.detail} className={fr.cx("fr-mb-3w")} role="alert" />}
        <Input label="Adresse e-mail" nativeInputProps={{ id: fieldId("email"), ...controlProps(errors, "email", { required: true }), type: "email", autoComplete: "off", value: email, onChange: (e) => setEmail(e.target.value) }} {...errorProps(errors, "email")} />
        <Input label="Nom" hintText="Prénom et nom, tels qu'ils apparaîtront dans Clés." nativeInputProps={{ id: fieldId("name"), ...controlProps(errors, "name", { required: true }), autoComplete: "off", value: name, onChange: (e) => setName(e.target.value) }} {...errorProps(errors, "name")} />
        {/* The error summary's link focuses the first choice inside (the inputs keep the ids their labels point to). */}
        <div id={fieldId("role")}>
          <RadioButtons
            legend="Rôle"
            name="compte-role"
            options={ROLES.map((r) => ({ label: r.label, hintText: r.hint, nativeInputProps: { checked: role === r.role, onChange: () => setRole(r.role) } }))}
            {...errorProps(errors, "role")}
          />
        </div>
        {role === "ars" && <TerritoryFields value={territory} onChange={setTerritory} errors={errors} />}
        {role === "coordinator" && (
          <>
            <Input label="Rechercher un contrat" hintText="Par son nom ou sa collectivité." nativeInputProps={{ type: "search", value: contractSearch, onChange: (e) => setContractSearch(e.target.value) }} />
            <Select label="Contrat coordonné" nativeSelectProps={{ id: fieldId("contractId"), ...controlProps(errors, "contractId", { required: true }), value: contractId, onChange: (e) => setContractId(e.target.value) }} {...errorProps(errors, "contractId")}>
              <option value="">Choisissez un contrat</option>
              {(contracts.data?.items ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </>
        )}
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Création…" : "Créer le compte"}
        </Button>
      </form>
    </section>
  );
}

/** The link, once: it is not kept anywhere the admin could read it again. */
function CreatedLink({ created, onDone }: { created: UserCreated; onDone: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  useEffect(() => ref.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.link);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  };
  return (
    <div ref={ref} tabIndex={-1} role="status" className={fr.cx("fr-alert", created.mailSent ? "fr-alert--success" : "fr-alert--warning", "fr-mb-4w")}>
      <h3 className={fr.cx("fr-alert__title")}>{`Compte créé pour ${created.user.name}`}</h3>
      <p>
        {created.mailSent
          ? `Un courriel avec le lien pour choisir son mot de passe a été envoyé à ${created.user.email}.`
          : `Le courriel n'a pas pu être envoyé à ${created.user.email} : transmettez-lui ce lien vous-même.`}
        {` Ce lien sert une seule fois, jusqu'au ${formatDateTime(created.expiresAt)}. Il ne sera plus affiché après cette page.`}
      </p>
      <Input label="Lien pour choisir le mot de passe" nativeInputProps={{ readOnly: true, value: created.link, onFocus: (e) => e.target.select() }} />
      <Button type="button" size="small" iconId="fr-icon-clipboard-line" onClick={() => void copy()} className={fr.cx("fr-mr-1w")}>
        Copier le lien
      </Button>
      <Button type="button" size="small" priority="tertiary" onClick={onDone}>
        J'ai transmis le lien
      </Button>
      <p aria-live="polite" className={fr.cx("fr-text--sm", "fr-mt-1w", "fr-mb-0")}>
        {copied === "yes" ? "Lien copié." : copied === "no" ? "La copie n'a pas fonctionné : sélectionnez le lien et copiez-le." : ""}
      </p>
    </div>
  );
}
