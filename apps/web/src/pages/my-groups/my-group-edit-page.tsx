import { Alert, Anchor, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type GroupStudent, type UserGroupDetail, useDeleteMyGroup, useMyGroup, useMyGroups, useSaveMyGroup } from '../../api/groups';
import { Busy } from '../../components/busy';
import { PageBreadcrumbs } from '../../components/page-breadcrumbs';
import { GroupFormActions, GroupNotFound, SubjectsField } from '../../features/groups/group-form-parts';
import { checkedSubjects, subjectsValue } from '../../features/groups/group-labels';
import { StudentPicker } from '../../features/groups/student-picker';

const MY_GROUPS = '/?groups=mine';

/**
 * Create or edit a custom group (/my-groups/new, /my-groups/:id/edit), in the order of the user
 * documents: filter and add students → Students List → Group Name → Subjects → Save.
 */
export function MyGroupEditPage() {
  const { id } = useParams();
  const groupId = id && /^\d{1,9}$/.test(id) ? Number(id) : null;
  const existing = useMyGroup(groupId);
  const mine = useMyGroups();

  if (id !== undefined && groupId === null) return <Missing />;
  if (groupId !== null) {
    if (existing.isPending) return <Busy m="xl" label="Loading the group" />;
    if (existing.isError) return <Missing />;
    return <MyGroupForm key={groupId} initial={existing.data.group} />;
  }
  if (mine.isPending) return <Busy m="xl" label="Loading" />;
  if (mine.data && !mine.data.canCreate) {
    return (
      <Stack py="md">
        <Title order={2}>Create Group</Title>
        <Alert color="gray" title="You cannot create groups yet">
          {mine.data.createDisabledReason}
        </Alert>
        <Anchor component={Link} to={MY_GROUPS}>
          Back to My Groups
        </Anchor>
      </Stack>
    );
  }
  return <MyGroupForm initial={null} />;
}

function MyGroupForm({ initial }: { initial: UserGroupDetail | null }) {
  const navigate = useNavigate();
  const [name, setName] = useState(initial?.name ?? '');
  const [subjects, setSubjects] = useState<string[]>(checkedSubjects(initial?.subjects ?? null));
  const [students, setStudents] = useState<GroupStudent[]>(initial?.students ?? []);
  const [nameError, setNameError] = useState<string | null>(null);
  const [subjectsError, setSubjectsError] = useState<string | null>(null);
  const save = useSaveMyGroup();
  const remove = useDeleteMyGroup();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    setNameError(trimmed ? null : 'Enter a group name.');
    setSubjectsError(subjects.length > 0 ? null : 'Choose at least one subject.');
    if (!trimmed || subjects.length === 0) return;
    save.mutate(
      { id: initial?.id ?? null, input: { name: trimmed, subjects: subjectsValue(subjects), studentIds: students.map((s) => s.id) } },
      { onSuccess: () => navigate(MY_GROUPS) },
    );
  }

  const title = initial ? `Edit Group: ${initial.name}` : 'Create Group';
  return (
    <Stack gap="md" py="md">
      <PageBreadcrumbs>
        <Anchor component={Link} to={MY_GROUPS}>
          Home
        </Anchor>
        <Text span aria-current="page">
          {initial ? 'Edit Group' : 'Create Group'}
        </Text>
      </PageBreadcrumbs>
      <Title order={2}>{title}</Title>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <StudentPicker selected={students} onChange={setStudents} />
          <Paper withBorder p="sm" radius="md">
            <Stack gap="sm">
              <TextInput
                label="Group Name"
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={nameError}
                maxLength={100}
                required
              />
              <SubjectsField value={subjects} onChange={setSubjects} error={subjectsError} />
            </Stack>
          </Paper>
          <GroupFormActions
            saving={save.isPending}
            saveError={save.error}
            deleting={remove.isPending}
            deleteError={remove.error}
            cancelTo={MY_GROUPS}
            existing={initial}
            onDelete={() => initial && remove.mutate(initial.id, { onSuccess: () => navigate(MY_GROUPS) })}
          />
        </Stack>
      </form>
    </Stack>
  );
}

function Missing() {
  return <GroupNotFound backTo={MY_GROUPS} backLabel="Back to My Groups" />;
}
