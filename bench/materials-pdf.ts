/**
 * The meeting materials pack through LibreOffice: builds the .docx of the seeded HQ meeting (the
 * tests' materials seed), converts it to PDF with `soffice --headless --convert-to pdf`, and checks
 * with `pdftotext` that the PDF's text holds the agenda in order, a PT report and Japanese text
 * intact (no tofu, no mojibake). Prints sizes and timings. Not part of the test suite: it needs
 * LibreOffice (Debian `libreoffice-writer-nogui`), poppler (`poppler-utils`) and a CJK font
 * (`fonts-noto-cjk`) on the machine.
 *
 *   npx tsx bench/materials-pdf.ts [--runs 3] [--keep]
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs, promisify } from 'node:util';
import { ManualClock } from '../shared/time/clock.js';
import type { UseCaseContext } from '../shared/use-cases/context.js';
import { buildMeetingMaterials } from '../shared/use-cases/meeting-materials.js';
import { createStore } from '../store/create-store.js';
import { renderMaterialsDocx } from '../tab/api/documents/materials-docx.js';
import { MATERIALS_AGENDA, MATERIALS_MEETING_ID, PT_REPORT, seedMaterials } from '../tests/tab/support/materials-seed.js';
import { NOW, seedProgramme, STAFF } from '../tests/tab/support/tab-seed.js';

const run = promisify(execFile);
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, keep: { type: 'boolean', default: false } } });
const runs = Math.max(1, Number(values.runs));

async function main(): Promise<void> {
  const store = await createStore({});
  const ctx: UseCaseContext = { store, clock: new ManualClock(NOW), newId: () => 'bench' };
  await seedProgramme(ctx);
  await seedMaterials(ctx);

  const buildStart = performance.now();
  const materials = await buildMeetingMaterials(ctx, STAFF.secretary, MATERIALS_MEETING_ID);
  const docx = await renderMaterialsDocx(materials);
  const buildMs = performance.now() - buildStart;
  await store.close();

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'materials-pdf-'));
  const docxPath = path.join(dir, 'materials.docx');
  await fs.writeFile(docxPath, docx);
  // A profile of its own, so a LibreOffice the user has open does not take the conversion over.
  const profile = `file://${path.join(dir, 'profile')}`;
  const conversions: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docxPath], { timeout: 120_000 });
    conversions.push(performance.now() - started);
  }
  const pdfPath = path.join(dir, 'materials.pdf');
  const pdf = await fs.stat(pdfPath);
  const { stdout: text } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], { maxBuffer: 16 * 1024 * 1024 });
  const { stdout: info } = await run('pdfinfo', [pdfPath]);
  const { stdout: fonts } = await run('pdffonts', [pdfPath]);
  const flat = text.replace(/\s+/g, '');

  const expected = [
    '新たな行政経営への移行実現推進本部',
    '令和6年7月19日（金）10:00〜11:30',
    ...MATERIALS_AGENDA.map((item) => item.title),
    PT_REPORT.structure,
    PT_REPORT.issues,
    '進捗報告なし',
    '窓口予約のオンライン化',
    '代理出席（企画係長）',
  ];
  const checks = expected.map((phrase) => ({ phrase, found: flat.includes(phrase.replace(/\s+/g, '')) }));
  const agendaPositions = MATERIALS_AGENDA.map((item) => flat.indexOf(item.title.replace(/\s+/g, '')));
  const inOrder = agendaPositions.every((position, index) => position >= 0 && (index === 0 || position > agendaPositions[index - 1]!));
  const replacement = (text.match(/\uFFFD/g) ?? []).length;
  const sorted = [...conversions].sort((a, b) => a - b);

  console.log('materials pack through LibreOffice');
  console.log(`  model + docx:        ${buildMs.toFixed(0)} ms, ${(docx.length / 1024).toFixed(1)} KiB`);
  console.log(
    `  soffice → pdf:       median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms over ${runs} run(s) (first ${conversions[0]!.toFixed(0)} ms)`,
  );
  console.log(
    `  pdf:                 ${(pdf.size / 1024).toFixed(1)} KiB, ${/Pages:\s+(\d+)/.exec(info)?.[1] ?? '?'} page(s), ${text.length} characters of text`,
  );
  console.log(`  fonts embedded:      ${[...new Set([...fonts.matchAll(/^\S+\+(\S+)/gm)].map((match) => match[1]))].join(', ') || '(none listed)'}`);
  console.log(`  agenda in order:     ${inOrder ? 'yes' : 'NO'} (${agendaPositions.join(', ')})`);
  console.log(`  U+FFFD in the text:  ${replacement}`);
  for (const check of checks) console.log(`  ${check.found ? 'found  ' : 'MISSING'}  ${check.phrase}`);
  if (values.keep) console.log(`  kept in ${dir}`);
  else await fs.rm(dir, { recursive: true, force: true });
  if (!inOrder || replacement > 0 || checks.some((check) => !check.found)) process.exitCode = 1;
}

await main();
