import { Button, Checkbox, Group, Modal, Stack, Text, Title } from '@mantine/core';
import type { AssessmentSummary } from '../../api/results';

/**
 * The Select Assessments dialog (opened by the "Select Assessments" button or the plus icon):
 * every assessment the group has results for in the school year, grouped by subject; checking one
 * adds it to Selected Assessments at once.
 */
export function SelectAssessmentsModal({
  opened,
  onClose,
  assessments,
  selected,
  onToggle,
  yearLabel,
}: {
  opened: boolean;
  onClose: () => void;
  assessments: AssessmentSummary[];
  selected: number[];
  onToggle: (id: number) => void;
  yearLabel: string;
}) {
  const subjects = [...new Set(assessments.map((a) => a.subject))];
  return (
    <Modal opened={opened} onClose={onClose} title={<Title order={3}>Select Assessments</Title>} size="lg">
      <Stack>
        <Text size="sm">
          {assessments.length === 0
            ? `No assessment has results in ${yearLabel || 'this school year'}. Choose another school year on the page.`
            : `Assessments with results in ${yearLabel}. Check the assessments to show; uncheck to remove.`}
        </Text>
        {subjects.map((subject) => (
          <fieldset key={subject} className="cers-fieldset">
            <legend>{subject}</legend>
            <Stack gap={6}>
              {assessments
                .filter((a) => a.subject === subject)
                .map((a) => (
                  <Checkbox
                    key={a.id}
                    checked={selected.includes(a.id)}
                    onChange={() => onToggle(a.id)}
                    label={`${a.label} (${a.typeLabel}, ${a.gradeLabel})`}
                    description={a.studentsTested === null ? 'Students tested: *' : `Students tested: ${a.studentsTested}`}
                  />
                ))}
            </Stack>
          </fieldset>
        ))}
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
