/**
 * Job grades, highest first. The order matters: bodies rank their members by it and the
 * proposal-based PT rules (PM at director or section-chief grade, PL at subsection-chief grade,
 * members at chief grade or below) compare grades.
 */
export const GRADES = ['special', 'director', 'sectionChief', 'subsectionChief', 'chief', 'staff'] as const;
export type Grade = (typeof GRADES)[number];

/** Japanese names as used in the city's documents. */
export const GRADE_LABELS: Readonly<Record<Grade, { ja: string; en: string }>> = {
  special: { ja: '特別職', en: 'Special post' },
  director: { ja: '部長級', en: 'Director' },
  sectionChief: { ja: '課長級', en: 'Section chief' },
  subsectionChief: { ja: '係長級', en: 'Subsection chief' },
  chief: { ja: '主任', en: 'Chief' },
  staff: { ja: '主事等', en: 'Staff' },
};

/** Positive when `a` is senior to `b`, zero when equal. */
export function compareGrades(a: Grade, b: Grade): number {
  return GRADES.indexOf(b) - GRADES.indexOf(a);
}

/** True when `grade` is `floor` or below it (e.g. "chief grade or below"). */
export function isAtOrBelow(grade: Grade, floor: Grade): boolean {
  return compareGrades(grade, floor) <= 0;
}

export function isGrade(value: string): value is Grade {
  return (GRADES as readonly string[]).includes(value);
}
