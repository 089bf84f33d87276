import { Button } from "@codegouvfr/react-dsfr/Button";

/** Up / down buttons that send the whole new order (keyboard-friendly reordering). */
export function MoveButtons({ ids, index, label, onMove, disabled }: { ids: string[]; index: number; label: string; onMove: (ids: string[]) => void; disabled?: boolean }) {
  const move = (delta: number) => {
    const next = [...ids];
    const [item] = next.splice(index, 1);
    next.splice(index + delta, 0, item!);
    onMove(next);
  };
  return (
    <>
      <Button type="button" size="small" priority="tertiary no outline" iconId="fr-icon-arrow-up-line" title={`Monter ${label}`} disabled={disabled || index === 0} onClick={() => move(-1)} />
      <Button type="button" size="small" priority="tertiary no outline" iconId="fr-icon-arrow-down-line" title={`Descendre ${label}`} disabled={disabled || index === ids.length - 1} onClick={() => move(1)} />
    </>
  );
}
