import { schoolYearLabel, schoolYearOf } from '@cers/domain';
import { Anchor, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  type AdminGroupDetail,
  type GroupStudent,
  useAdminGroup,
  useDeleteAdminGroup,
  useSaveAdminGroup,
  useTeacherCandidates,
} from '../../api/groups';
import { useSchools } from '../../api/schools';
import { Busy } from '../../components/busy';
import { PageBreadcrumbs } from '../../components/page-breadcrumbs';
import { GroupFormActions, GroupNotFound, SubjectsField } from '../../features/groups/group-form-parts';
import { checkedSubjects, subjectsValue } from '../../features/groups/group-labels';
import { StudentPicker } from '../../features/groups/student-picker';

const LIST = '/admin/groups';

/** Create or edit an assigned group and its teachers (/admin/groups/new, /admin/groups/:id/edit). */
export function AdminGroupEditPage() {
  const { id } = useParams();
  const groupId = id && /^\d{1,9}$/.test(id) ? Number(id) : null;
  const existing = useAdminGroup(groupId);
  if (id !== undefined && groupId === null) return <Missing />;
  if (groupId !== null) {
    if (existing.isPending) return <Busy m="xl" label="Loading the group" />;
    if (existing.isError) return <Missing />;
    return <AdminGroupForm key={groupId} initial={existing.data.group} />;
  }
  return <AdminGroupForm initial={null} />;
}

function AdminGroupForm({ initial }: { initial: AdminGroupDetail | null }) {
  const navigate = useNavigate();
  const currentYear = schoolYearOf(new Date());
  const [name, setName] = useState(initial?.name ?? '');
  const [schoolId, setSchoolId] = useState<string | null>(initial ? String(initial.schoolId) : null);
  const [schoolYear, setSchoolYear] = useState<string>(String(initial?.schoolYear ?? currentYear));
  const [subjects, setSubjects] = useState<string[]>(checkedSubjects(initial?.subjects ?? null));
  const [students, setStudents] = useState<GroupStudent[]>(initial?.students ?? []);
  const [teacherIds, setTeacherIds] = useState<string[]>((initial?.teachers ?? []).map((t) => String(t.userId)));
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const schools = useSchools('', { limit: 500 });
  const teachers = useTeacherCandidates(schoolId === null ? null : Number(schoolId));
  const save = useSaveAdminGroup();
  const remove = useDeleteAdminGroup();

  const yearOptions = [currentYear + 1, currentYear, currentYear - 1, currentYear - 2]
    .concat(initial && initial.schoolYear < currentYear - 2 ? [initial.schoolYear] : [])
    .map((y) => ({ value: String(y), label: schoolYearLabel(y) }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const next = {
      name: name.trim() ? null : 'Enter a group name.',
      school: schoolId ? null : 'Choose the group’s school.',
      subjects: subjects.length > 0 ? null : 'Choose at least one subject.',
    };
    setErrors(next);
    if (Object.values(next).some(Boolean) || schoolId === null) return;
    save.mutate(
      {
        id: initial?.id ?? null,
        input: {
          name: name.trim(),
          schoolId: Number(schoolId),
          schoolYear: Number(schoolYear),
          subjects: subjectsValue(subjects),
          studentIds: students.map((s) => s.id),
          teacherIds: teacherIds.map(Number),
        },
      },
      { onSuccess: () => navigate(LIST) },
    );
  }

  return (
    <Stack gap="md" py="md">
      <PageBreadcrumbs>
        <Anchor component={Link} to="/">
          Home
        </Anchor>
        <Anchor component={Link} to={LIST}>
          Student Groups
        </Anchor>
        <Text span aria-current="page">
          {initial ? 'Edit Group' : 'Create Group'}
        </Text>
      </PageBreadcrumbs>
      <Title order={2}>{initial ? `Edit Group: ${initial.name}` : 'Create Group'}</Title>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Paper withBorder p="sm" radius="md">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label="Group Name"
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={errors.name}
                maxLength={100}
                required
              />
              <Select
                label="School"
                data={(schools.data?.schools ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
                value={schoolId}
                onChange={(v) => {
                  setSchoolId(v);
                  setStudents([]);
                  setTeacherIds([]);
                }}
                searchable
                error={errors.school}
                required
              />
              <Select
                label="School Year"
                data={yearOptions}
                value={schoolYear}
                onChange={(v) => v && setSchoolYear(v)}
                allowDeselect={false}
              />
            </SimpleGrid>
            <SubjectsField value={subjects} onChange={setSubjects} error={errors.subjects} />
            <MultiSelect
              mt="sm"
              label="Teachers"
              description="Users with a role at this school or its district. Teachers see the group’s students for its subjects."
              data={(teachers.data?.teachers ?? []).map((t) => ({ value: String(t.userId), label: `${t.displayName} (${t.login})` }))}
              value={teacherIds}
              onChange={setTeacherIds}
              searchable
              disabled={schoolId === null}
            />
          </Paper>
          {schoolId !== null && <StudentPicker selected={students} onChange={setStudents} schoolId={Number(schoolId)} />}
          <GroupFormActions
            saving={save.isPending}
            saveError={save.error}
            deleting={remove.isPending}
            deleteError={remove.error}
            cancelTo={LIST}
            existing={initial}
            onDelete={() => initial && remove.mutate(initial.id, { onSuccess: () => navigate(LIST) })}
          />
        </Stack>
      </form>
    </Stack>
  );
}

function Missing() {
  return <GroupNotFound backTo={LIST} backLabel="Back to Student Groups" />;
}
