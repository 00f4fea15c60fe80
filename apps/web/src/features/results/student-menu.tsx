import { Menu, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * What a student row's name menu is about. The Printable Reports feature plugs its
 * "Print {Student}'s Summative Report" item in through RenderStudentMenuItems (see
 * pages/group-results/results-page.tsx props and app/routes.tsx).
 */
export type ResultsStudentTarget = {
  studentId: number;
  ssid: string;
  /** "Last, First". */
  displayName: string;
  /** First name (or the display name) for "{Student}'s …" labels. */
  shortName: string;
  assessmentId: number;
  assessmentType: string;
  subject: string;
  schoolYear: number;
};
export type RenderStudentMenuItems = (target: ResultsStudentTarget) => ReactNode;

/** The student's name as a menu button: test history and whatever other features add. */
export function StudentNameMenu({ target, extra }: { target: ResultsStudentTarget; extra?: RenderStudentMenuItems | undefined }) {
  return (
    <Menu position="bottom-start" withinPortal shadow="md">
      <Menu.Target>
        <UnstyledButton className="cers-student-name" aria-haspopup="menu">
          {target.displayName}
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{target.displayName}</Menu.Label>
        <Menu.Item component={Link} to={`/students/${target.studentId}`}>
          {target.shortName}'s Test History
        </Menu.Item>
        {extra?.(target)}
      </Menu.Dropdown>
    </Menu>
  );
}

export function shortName(displayName: string): string {
  const parts = displayName.split(',');
  return (parts[1] ?? parts[0] ?? displayName).trim();
}
