import { tenantCreateCommand } from './tenant-command';

// `npm run tenant:create -- --code … --name …`: exit 0 created, 1 refused (nothing created).
const result = await tenantCreateCommand(process.argv.slice(2));
for (const line of result.lines) (result.code === 0 ? console.log : console.error)(line);
process.exit(result.code);
