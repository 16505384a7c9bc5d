import { defineConfig } from 'vitest/config';

// Unit, property and CLI tests run in Node; the time zone is pinned so that no test depends on the
// machine's clock settings (the engine itself never uses Date for calendar arithmetic).
process.env.TZ = 'Asia/Shanghai';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
