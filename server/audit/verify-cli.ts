import { auditVerifyCommand } from './verify-command';

// `npm run audit:verify`: exit 0 intact, 1 broken (with the first broken entry), 2 not checked.
const result = await auditVerifyCommand();
for (const line of result.lines) (result.code === 0 ? console.log : console.error)(line);
process.exit(result.code);
