import { FAMILY_LABELS, formatScoreWithError, gradeLabel, SUBJECT_LABELS, schoolYearLabel } from '@cers/domain';
import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ResultCard } from '../../api/students';
import { bandScale, findLevel, isReportingCategory, typeLabel } from '../students/history-model';
import { LevelBadge } from '../students/level-badge';
import { ScoreBand } from '../students/score-band';

/**
 * One Student Results Card (user documents: "Select a Student Results Card to open a table with
 * additional information"): the latest result on one assessment. The whole card is one link to
 * the student's test history with that exam's details open.
 */
export function StudentResultsCard({ studentId, card }: { studentId: number; card: ResultCard }) {
  const a = card.assessment;
  const level = findLevel(a.levels, card.achievementLevel);
  const family = (FAMILY_LABELS as Record<string, string>)[a.family] ?? a.family;
  const subject = (SUBJECT_LABELS as Record<string, string>)[a.subject] ?? a.subject;
  return (
    <Card
      withBorder
      padding="sm"
      radius="md"
      component={Link}
      to={`/students/${studentId}?exam=${card.examId}`}
      className="cers-result-card"
      data-testid="student-results-card"
    >
      <Stack gap={6}>
        <Title order={5} size="h6">
          {a.label || a.name}
        </Title>
        <Text size="sm">
          {family} · {typeLabel(a.type)}
        </Text>
        <Text size="sm">
          {subject} · {gradeLabel(a.grade)} · {schoolYearLabel(a.schoolYear)}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Text fw={700} size="lg">
            {formatScoreWithError(card.scaleScore, card.scaleScoreSem)}
          </Text>
          <ScoreBand score={card.scaleScore} sem={card.scaleScoreSem} min={a.minScore} max={a.maxScore} {...bandScale(a)} width={110} />
        </Group>
        <Group gap="xs">
          <Text size="sm" span>
            {isReportingCategory(a) ? 'Reporting Category:' : 'Achievement Level:'}
          </Text>
          <LevelBadge level={level} fallback="No Score Recorded" />
        </Group>
        <Text size="xs" c="gray.7">
          Tested {new Date(card.completedAt).toLocaleDateString('en-US')}
          {card.resultCount > 1 ? ` · latest of ${card.resultCount} results` : ''}
        </Text>
      </Stack>
    </Card>
  );
}
