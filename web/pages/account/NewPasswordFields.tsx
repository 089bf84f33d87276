import { fr } from "@codegouvfr/react-dsfr";
import { PasswordInput } from "@codegouvfr/react-dsfr/blocks/PasswordInput";
import { controlProps, fieldId, type Errors } from "../../components/form";

export const MIN_PASSWORD = 12;

/** The confirmation must repeat the password (checked here: the server sees one password only). */
export function passwordMismatch(password: string, confirmation: string, path = "password"): Errors {
  return password !== confirmation ? { [`${path}Confirmation`]: "Les deux mots de passe ne sont pas identiques." } : {};
}

interface Props {
  password: string;
  confirmation: string;
  onPassword: (v: string) => void;
  onConfirmation: (v: string) => void;
  errors: Errors;
  /** Field path of the password in the form's errors. */
  path?: string;
  label?: string;
}

export function NewPasswordFields({ password, confirmation, onPassword, onConfirmation, errors, path = "password", label = "Nouveau mot de passe" }: Props) {
  const error = errors[path];
  const confirmationError = errors[`${path}Confirmation`];
  return (
    <>
      <PasswordInput
        label={label}
        className={fr.cx("fr-mb-2w")}
        hintText={`${MIN_PASSWORD} caractères au moins ; une phrase facile à retenir convient très bien.`}
        nativeInputProps={{ id: fieldId(path), ...controlProps(errors, path, { required: true }), autoComplete: "new-password", value: password, onChange: (e) => onPassword(e.target.value) }}
        messagesHint={error ? "" : undefined}
        messages={error ? [{ severity: "error", message: error }] : [{ severity: password.length >= MIN_PASSWORD ? "valid" : "info", message: `${MIN_PASSWORD} caractères minimum` }]}
      />
      <PasswordInput
        label="Confirmation du mot de passe"
        className={fr.cx("fr-mb-2w")}
        messagesHint=""
        nativeInputProps={{ id: fieldId(`${path}Confirmation`), ...controlProps(errors, `${path}Confirmation`, { required: true }), autoComplete: "new-password", value: confirmation, onChange: (e) => onConfirmation(e.target.value) }}
        messages={confirmationError ? [{ severity: "error", message: confirmationError }] : []}
      />
    </>
  );
}
