import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * LibreOffice and Poppler, which open hailong's Word report as an office does: the tools tests
 * convert a real report to PDF and read its text and pages back.
 */

/** A program on PATH, or an error that says which Debian package brings it (CI installs them in .ci/run). */
export function findTool(name: string, aptPackage: string): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  throw new Error(
    `${name} is not installed, so the Word report cannot be checked: install it with \`apt-get install -y ${aptPackage}\` (CI does this in .ci/run).`,
  );
}

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program to its end and returns its exit status and output, whatever the status. */
export function run(file: string, args: string[], timeoutMs = 180_000): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr: error && code === null ? `${stderr}${error.message}` : stderr });
    });
  });
}

/**
 * `soffice --headless --convert-to pdf` with its own profile folder, so it neither meets a
 * LibreOffice already running on the machine nor leaves settings in the user's home.
 */
export function convertToPdf(soffice: string, file: string, outDir: string, profileDir: string): Promise<Ran> {
  return run(soffice, [
    `-env:UserInstallation=file://${profileDir}`,
    '--headless',
    '--norestore',
    '--convert-to',
    'pdf',
    '--outdir',
    outDir,
    file,
  ]);
}
