import type { LevelDef } from '@cers/domain';

type Props = {
  score: number | null;
  sem: number | null;
  min: number | null;
  max: number | null;
  /** Lower bounds of levels 2..n. */
  cuts: readonly number[];
  levels: readonly LevelDef[];
  width?: number;
};

/**
 * A small error-band graphic: the scale from min to max coloured by level, the score as a dot and
 * score ± SEM as a bar (cers-features.md §5.3). Described in words for screen readers.
 */
export function ScoreBand({ score, sem, min, max, cuts, levels, width = 132 }: Props) {
  if (score === null || min === null || max === null || max <= min) return null;
  const height = 18;
  const x = (v: number) => ((Math.min(max, Math.max(min, v)) - min) / (max - min)) * width;
  const bounds = [min, ...cuts, max];
  const low = sem === null ? score : Math.max(min, score - sem);
  const high = sem === null ? score : Math.min(max, score + sem);
  const label =
    sem === null
      ? `Scale score ${Math.round(score)} on a scale from ${min} to ${max}`
      : `Scale score ${Math.round(score)}, error band ${Math.round(low)} to ${Math.round(high)}, on a scale from ${min} to ${max}`;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="cers-score-band">
      {bounds.slice(0, -1).map((from, i) => {
        const to = bounds[i + 1] ?? max;
        const level = levels[i];
        return (
          <rect
            key={`${from}-${to}`}
            x={x(from)}
            y={6}
            width={Math.max(0, x(to) - x(from))}
            height={6}
            fill={level?.color ?? '#9ca3af'}
            opacity={0.45}
          />
        );
      })}
      <line x1={x(low)} x2={x(high)} y1={9} y2={9} stroke="#111827" strokeWidth={2} />
      <line x1={x(low)} x2={x(low)} y1={4} y2={14} stroke="#111827" strokeWidth={1.5} />
      <line x1={x(high)} x2={x(high)} y1={4} y2={14} stroke="#111827" strokeWidth={1.5} />
      <circle cx={x(score)} cy={9} r={3.5} fill="#111827" />
    </svg>
  );
}
