import type { LevelDef } from '@cers/domain';
import { readableTextColor } from '../../components/color';

/** An achievement level with the name and colour its assessment defines (assessments.levels). */
export function LevelBadge({ level, fallback = '-' }: { level: LevelDef | undefined; fallback?: string }) {
  if (!level) return <span>{fallback}</span>;
  return (
    <span
      className="cers-level-badge"
      style={{
        background: level.color,
        color: readableTextColor(level.color),
        borderRadius: 4,
        padding: '1px 6px',
        fontSize: '0.8125rem',
        fontWeight: 600,
        whiteSpace: 'nowrap',
        display: 'inline-block',
      }}
    >
      {level.name}
    </span>
  );
}
