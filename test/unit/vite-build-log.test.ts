import { build, createLogger, type InlineConfig, type Plugin, type UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import viteConfig from '../../vite.config';

const resolved = (mode: string) => (viteConfig as (env: { mode: string; command: 'build' }) => UserConfig)({ mode, command: 'build' });

// Slow enough that Rolldown's timing check fires (a callback taking seconds, most of the build);
// it counts the time a callback awaits, so the test waits rather than burns the CPU.
const slowPlugin: Plugin = {
  name: 'slow-for-test',
  async buildStart() {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  },
};
const warningPlugin: Plugin = {
  name: 'warns-for-test',
  buildStart() {
    this.warn('a real warning that must still be shown');
  },
};

/** Builds the citizen script with the project's options (or without its Rolldown options) and returns what vite logged. */
async function buildLog(withProjectOptions: boolean): Promise<string> {
  const config = resolved('citizen');
  const lines: string[] = [];
  const logger = createLogger('info');
  for (const level of ['info', 'warn', 'warnOnce', 'error'] as const) logger[level] = (msg: string) => void lines.push(msg);
  const inline: InlineConfig = {
    ...config,
    configFile: false,
    mode: 'citizen',
    logLevel: 'info',
    customLogger: logger,
    plugins: [slowPlugin, warningPlugin],
    build: { ...config.build, write: false, ...(withProjectOptions ? {} : { rolldownOptions: {} }) },
  };
  await build(inline);
  return lines.join('\n');
}

describe('the client build log', () => {
  it('every build mode turns off only Rolldown timing report', () => {
    for (const mode of ['production', 'citizen', 'sw']) {
      expect(resolved(mode).build?.rolldownOptions).toEqual({ checks: { bundlerTimings: false } });
    }
  });

  it('prints no [PLUGIN_TIMINGS] block on a slow build, and still prints a real warning', async () => {
    const without = await buildLog(false);
    // The check that would have fired: the block is there without the project's option.
    expect(without).toContain('PLUGIN_TIMINGS');
    const log = await buildLog(true);
    expect(log).not.toContain('PLUGIN_TIMINGS');
    expect(log).toContain('a real warning that must still be shown');
  }, 60_000);
});
