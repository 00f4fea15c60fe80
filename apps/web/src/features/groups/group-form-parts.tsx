import { Alert, Anchor, Button, Checkbox, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link } from 'react-router';
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

/**
 * The end of a group form: why saving or deleting failed, Save and Cancel, and Delete (with its
 * confirmation) for an existing group.
 */
export function GroupFormActions({
  saving,
  saveError,
  deleting,
  deleteError,
  cancelTo,
  existing,
  onDelete,
}: {
  saving: boolean;
  saveError: Error | null;
  deleting: boolean;
  deleteError: Error | null;
  cancelTo: string;
  existing: { name: string } | null | undefined;
  onDelete: () => void;
}) {
  return (
    <>
      {saveError && (
        <Alert color="red" title="The group was not saved" role="alert">
          {saveError.message}
        </Alert>
      )}
      {deleteError && (
        <Alert color="red" title="The group was not deleted" role="alert">
          {deleteError.message}
        </Alert>
      )}
      <Group justify="space-between">
        <Group>
          <Button type="submit" loading={saving}>
            Save
          </Button>
          <Button variant="default" component={Link} to={cancelTo}>
            Cancel
          </Button>
        </Group>
        {existing && <DeleteGroupButton name={existing.name} pending={deleting} onConfirm={onDelete} />}
      </Group>
    </>
  );
}

/** A group that does not exist or that the user may not see (indistinguishable), with the way back. */
export function GroupNotFound({ backTo, backLabel }: { backTo: string; backLabel: string }) {
  return (
    <Stack py="md">
      <Title order={2}>Group not found</Title>
      <Text>The group was not found or you do not have access to it.</Text>
      <Anchor component={Link} to={backTo}>
        {backLabel}
      </Anchor>
    </Stack>
  );
}
