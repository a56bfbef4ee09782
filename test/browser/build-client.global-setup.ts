import { execSync } from 'node:child_process';

/** Browser tests run against what users get: build the analyst app and the citizen scripts first. */
export default function setup() {
  execSync('npm run build:client', { stdio: 'ignore' });
}
