import fs from 'node:fs';
import { parseProgrammeFile } from '../../../shared/programme/programme-loader.js';

/** The shipped FY2024 programme file and demo staff directory, read once per test file. */
export const PROGRAMME_YAML = fs.readFileSync(new URL('../../../shared/programme/fy2024.yaml', import.meta.url), 'utf8');
export const DEMO_STAFF_CSV = fs.readFileSync(new URL('../../../shared/programme/demo-staff.csv', import.meta.url), 'utf8');
export const PROGRAMME = parseProgrammeFile(PROGRAMME_YAML);
