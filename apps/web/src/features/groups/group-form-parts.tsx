import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { SUBJECT_OPTIONS } from './group-labels';

/** Subjects of a group; the default is all (user documents step 6). */
export function SubjectsField({ value, onChange, error }: { value: string[]; onChange: (v: string[]) => void; error?: string | null }) {
  return (
    <Checkbox.Group
      label="Subjects"
      description="The group’s results show these subjects. The default is all."
      value={value}
      onChange={onChange}
      error={error}
    >
      <Group gap="md" mt={6}>
        {SUBJECT_OPTIONS.map((s) => (
          <Checkbox key={s.value} value={s.value} label={s.label} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

/** Delete with a confirmation step (cers-features.md §3.5: "Delete confirm"). */
export function DeleteGroupButton({ name, onConfirm, pending }: { name: string; onConfirm: () => void; pending: boolean }) {
  const [opened, modal] = useDisclosure(false);
  return (
    <>
      <Button color="red.9" variant="outline" onClick={modal.open}>
        Delete
      </Button>
      <Modal opened={opened} onClose={modal.close} title="Delete group" centered>
        <Stack>
          <Text>Delete the group “{name}”? This cannot be undone. The students and their results are not affected.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={modal.close}>
              Cancel
            </Button>
            <Button color="red.9" loading={pending} onClick={onConfirm}>
              Delete Group
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
