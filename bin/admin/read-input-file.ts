import fs from 'node:fs/promises';
import { CliError } from './cli-messages.js';

/** Reads a UTF-8 file named on the command line, with a localised message when it is missing. */
export async function readInputFile(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    throw new CliError('fileNotFound', { file });
  }
}
