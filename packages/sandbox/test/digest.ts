/**
 * A digest over ordered exports of the generated tables, by natural keys only (database ids may
 * differ between databases; content may not). Timestamps as epoch seconds: independent of TimeZone.
 */
import type { CersDb } from '@cers/db';
import { sql } from 'kysely';

const EXPORTS: readonly string[] = [
  `select o.type || '|' || o.natural_id || '|' || o.name || '|' || coalesce(p.natural_id, '') as line
     from organizations o left join organizations p on p.id = o.parent_id`,
  `select a.natural_id || '|' || a.label || '|' || a.cut_scores::text || '|' || a.levels::text || '|' ||
          a.has_claims || a.has_composites || a.has_domains || a.has_targets || a.has_traits || a.has_items as line from assessments a`,
  `select a.natural_id || '|' || s.code || '|' || s.kind || '|' || s.cut_scores::text as line
     from assessment_scores s join assessments a on a.id = s.assessment_id`,
  `select a.natural_id || '|' || i.natural_id || '|' || i.format || '|' || coalesce(i.answer_key, '') || '|' || i.stem || '|' ||
          i.max_points || '|' || i.difficulty || '|' || coalesce(t.natural_id, '') as line
     from items i join assessments a on a.id = i.assessment_id left join targets t on t.id = i.target_id`,
  `select s.ssid || '|' || s.first_name || '|' || s.last_name || '|' || s.birthday || '|' || s.gender || '|' || o.natural_id as line
     from students s join organizations o on o.id = s.inferred_school_id`,
  `select u.login || '|' || u.display_name || '|' || u.is_sandbox || '|' || coalesce((select string_agg(r.role || '@' || o.natural_id, ',' order by r.role collate "C", o.natural_id collate "C")
          from user_roles r join organizations o on o.id = r.organization_id where r.user_id = u.id), '') as line from users u`,
  `select o.natural_id || '|' || g.school_year || '|' || g.name || '|' || coalesce(array_to_string(g.subjects, ','), 'ALL') || '|' ||
          (select string_agg(s.ssid, ',' order by s.ssid collate "C") from student_group_members m join students s on s.id = m.student_id where m.group_id = g.id) || '|' ||
          (select string_agg(u.login, ',' order by u.login collate "C") from student_group_teachers t join users u on u.id = t.user_id where t.group_id = g.id) as line
     from student_groups g join organizations o on o.id = g.school_id`,
  `select s.ssid || '|' || a.natural_id || '|' || e.opportunity_id || '|' || o.natural_id || '|' || extract(epoch from e.completed_at)::bigint || '|' ||
          e.scale_score || '|' || e.scale_score_sem || '|' || e.achievement_level || '|' || coalesce(e.lexile::text, '') || coalesce(e.quantile::text, '') || '|' ||
          e.enrolled_grade || '|' || e.elas || '|' || e.economic_disadvantage || '|' || array_to_string(e.ethnicities, ',') || '|' ||
          coalesce((select string_agg(x.code || ':' || x.scale_score || ':' || x.sem || ':' || x.level, ',' order by x.code collate "C")
                    from exam_scores x where x.district_id = e.district_id and x.exam_id = e.id), '') || '|' ||
          coalesce((select string_agg(t.category || ':' || t.score, ',' order by t.category collate "C")
                    from exam_trait_scores t where t.district_id = e.district_id and t.exam_id = e.id), '') || '|' ||
          coalesce((select string_agg(tg.natural_id || ':' || ts.student_relative_residual || ':' || ts.standard_met_relative_residual, ',' order by tg.claim_code collate "C", tg.natural_id collate "C")
                    from exam_target_scores ts join targets tg on tg.id = ts.target_id where ts.district_id = e.district_id and ts.exam_id = e.id), '') || '|' ||
          coalesce((select string_agg(i.position || ':' || i.score || ':' || coalesce(i.response, ''), ',' order by i.position)
                    from exam_items i where i.district_id = e.district_id and i.exam_id = e.id), '') as line
     from exams e join students s on s.id = e.student_id join assessments a on a.id = e.assessment_id join organizations o on o.id = e.school_id`,
  `select e.school_year || '|' || o.natural_id || '|' || e.subject || '|' || e.report_type || '|' || e.status as line
     from embargoes e join organizations o on o.id = e.district_id`,
  `select o.natural_id || '|' || r.kind || '|' || coalesce(r.assessment_name, '') || '|' || coalesce(r.performance_level::text, '') || '|' || r.url as line
     from instructional_resources r join organizations o on o.id = r.organization_id`,
];

export async function sandboxDigest(cers: CersDb): Promise<string> {
  const parts: string[] = [];
  for (const query of EXPORTS) {
    const r = await sql<{
      d: string;
    }>`select md5(coalesce(string_agg(line, E'\n' order by line collate "C"), '')) as d from (${sql.raw(query)}) t`.execute(cers.db);
    parts.push(r.rows[0]?.d ?? '');
  }
  const all = await sql<{ d: string }>`select md5(${parts.join(',')}) as d`.execute(cers.db);
  return all.rows[0]?.d ?? '';
}
