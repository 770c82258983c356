import type { PostAbsence } from '../bodies/post-absence.js';

/** Recorded absences and vacancies of posts (要綱 art. 3(3)); rows are ended, never deleted. */
export interface PostAbsenceRepository {
  insert(absence: PostAbsence): Promise<void>;
  update(absence: PostAbsence): Promise<void>;
  get(id: string): Promise<PostAbsence | undefined>;
  /** Every absence, newest `from` first. */
  list(): Promise<PostAbsence[]>;
}
