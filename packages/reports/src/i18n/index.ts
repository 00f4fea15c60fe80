import { EN } from './en.js';
import { ES } from './es.js';
import type { ReportLanguage, ReportStrings } from './strings.js';

export function reportStrings(language: ReportLanguage): ReportStrings {
  return language === 'es' ? ES : EN;
}
