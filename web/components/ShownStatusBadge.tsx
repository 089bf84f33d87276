import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { ShownStatus } from "../../server/domain/shown-status";

const SEVERITY = { not_started: undefined, in_progress: "info", late: "error", done: "success", abandoned: "warning", merged: "new" } as const;

/** The status people see: declared, « En retard » from overdue milestones, « Fusionnée ». */
export function ShownStatusBadge({ status, label }: { status: ShownStatus; label: string }) {
  return (
    <Badge small noIcon severity={SEVERITY[status]}>
      {label}
    </Badge>
  );
}
