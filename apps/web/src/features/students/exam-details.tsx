import { COMPLETENESS, formatScoreWithError, gradeLabel, SCORE_TYPE_LABELS, type ScoreType, schoolYearLabel } from '@cers/domain';
import { List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { StudentExam } from '../../api/students';
import {
  bandScale,
  distanceFromStandardMet,
  examErrorBand,
  examScoreTypes,
  findLevel,
  formatSigned,
  isReportingCategory,
  measureInfo,
  missingSubScoreReason,
  missingTraitsReason,
  standardMetCut,
  statusLabel,
  TRAIT_MAX,
  traitRows,
} from './history-model';
import { LevelBadge } from './level-badge';
import { ScoreBand } from './score-band';

/** Everything one exam carries (cers-features.md §3.2, §3.6 content): shown under its row. */
export function ExamDetails({ exam }: { exam: StudentExam }) {
  const a = exam.assessment;
  const band = examErrorBand(exam);
  const dfs = distanceFromStandardMet(exam);
  const cut = standardMetCut(a);
  const measure = measureInfo(exam);
  const subTypes = examScoreTypes(a).filter((t): t is Exclude<ScoreType, 'overall'> => t !== 'overall');
  const traits = traitRows(exam);
  const traitsReason = missingTraitsReason(exam);
  return (
    <Stack gap="md" p="sm" className="cers-exam-details">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <section>
          <Title order={4} size="h6">
            Overall
          </Title>
          <dl className="cers-facts">
            <dt>Scale Score / Error Band</dt>
            <dd>
              {formatScoreWithError(exam.scaleScore, exam.scaleScoreSem)}
              {band ? ` (${band.low}–${band.high})` : ''}{' '}
              <ScoreBand score={exam.scaleScore} sem={exam.scaleScoreSem} min={a.minScore} max={a.maxScore} {...bandScale(a)} />
            </dd>
            <dt>{isReportingCategory(a) ? 'Reporting Category' : 'Achievement Level'}</dt>
            <dd>
              <LevelBadge level={findLevel(a.levels, exam.achievementLevel)} fallback="No Score Recorded" />
            </dd>
            {dfs !== undefined && cut !== undefined && (
              <>
                <dt>Distance from Standard Met (our addition)</dt>
                <dd>
                  {formatSigned(dfs)} points from the Standard Met cut of {cut}
                </dd>
              </>
            )}
            <dt>Status</dt>
            <dd>{statusLabel(exam)}</dd>
            <dt>Completeness</dt>
            <dd>{exam.completeness ? ((COMPLETENESS as Record<string, string>)[exam.completeness] ?? exam.completeness) : '-'}</dd>
            <dt>Date taken</dt>
            <dd>
              {new Date(exam.completedAt).toLocaleDateString('en-US')} ({schoolYearLabel(exam.schoolYear)})
            </dd>
            <dt>School</dt>
            <dd>
              {exam.school.name}
              {exam.atOtherSchool ? ' (tested at a previous school)' : ''}
            </dd>
            <dt>Enrolled grade</dt>
            <dd>{exam.enrolledGrade ? gradeLabel(exam.enrolledGrade) : '-'}</dd>
            {exam.sessionId && (
              <>
                <dt>Session</dt>
                <dd>{exam.sessionId}</dd>
              </>
            )}
          </dl>
        </section>
        <section>
          <Title order={4} size="h6">
            Accommodations
          </Title>
          {exam.accommodations.length === 0 ? (
            <Text size="sm">No accommodations were recorded for this test.</Text>
          ) : (
            <List size="sm">
              {exam.accommodations.map((x) => (
                <List.Item key={x.code}>{x.label ? `${x.label} (${x.code})` : x.code}</List.Item>
              ))}
            </List>
          )}
          {measure && (
            <>
              <Title order={4} size="h6" mt="md">
                {measure.kind} Measure
              </Title>
              <Text size="sm">
                {measure.text} (range {measure.range})
              </Text>
              {measure.gradeBand && (
                <Text size="sm">Grade-level stretch band {measure.gradeBand} — shown for reference, our addition (not a CERS figure).</Text>
              )}
            </>
          )}
        </section>
      </SimpleGrid>
      {subTypes.map((kind) => (
        <SubScoreTable key={kind} exam={exam} kind={kind} />
      ))}
      {a.subject === 'ELA' && (traits.length > 0 || traitsReason) && (
        <section>
          <Title order={4} size="h6">
            Writing Trait Scores
          </Title>
          {traits.length === 0 ? (
            <Text size="sm">{traitsReason}</Text>
          ) : (
            <Table.ScrollContainer minWidth={520}>
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Writing Purpose</Table.Th>
                    <Table.Th scope="col">Organization/Purpose</Table.Th>
                    <Table.Th scope="col">Evidence/Elaboration</Table.Th>
                    <Table.Th scope="col">Conventions</Table.Th>
                    <Table.Th scope="col">Transformed Points</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {traits.map((t) => (
                    <Table.Tr key={t.purpose}>
                      <Table.Th scope="row">{t.purpose}</Table.Th>
                      <Table.Td>{points(t.org, TRAIT_MAX.org)}</Table.Td>
                      <Table.Td>{points(t.evi, TRAIT_MAX.evi)}</Table.Td>
                      <Table.Td>{points(t.con, TRAIT_MAX.con)}</Table.Td>
                      <Table.Td>
                        {t.transformed === null ? '-' : `${t.transformed} of 6`}
                        {t.conditionCodes.length > 0 ? ` (condition: ${t.conditionCodes.join(', ')})` : ''}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </section>
      )}
    </Stack>
  );
}

function points(score: number | null, max: number): string {
  return score === null ? 'Not Scored' : `${score} of ${max}`;
}

function SubScoreTable({ exam, kind }: { exam: StudentExam; kind: Exclude<ScoreType, 'overall'> }) {
  const scores = exam.scores.filter((s) => s.kind === kind).sort((x, y) => x.displayOrder - y.displayOrder);
  const title = `${SCORE_TYPE_LABELS[kind]} Results`;
  return (
    <section>
      <Title order={4} size="h6">
        {title}
      </Title>
      {scores.length === 0 ? (
        <Text size="sm">{missingSubScoreReason(exam, kind)}</Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{SCORE_TYPE_LABELS[kind]}</Table.Th>
                <Table.Th scope="col">Level</Table.Th>
                <Table.Th scope="col">Scale Score / Error Band</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {scores.map((s) => (
                <Table.Tr key={s.code}>
                  <Table.Th scope="row">{s.name}</Table.Th>
                  <Table.Td>
                    <LevelBadge level={findLevel(s.levels, s.level)} fallback={s.level === null ? 'Not Scored' : `Level ${s.level}`} />
                  </Table.Td>
                  <Table.Td>{formatScoreWithError(s.scaleScore, s.sem)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
