import { describe, expect, it } from 'vitest';
import { parseAnalyzeArgs } from '../../src/cli/analyze-args.ts';

describe('analyze --segment', () => {
  const base = ['--system', 'sichuan-2024', '--input', 'in.csv'];
  it('belongs to --mc', () => {
    expect(parseAnalyzeArgs([...base, '--mc', 'o.csv', '--segment', "city = '成都市'"]).mode).toMatchObject({ kind: 'mc', segment: "city = '成都市'" });
    expect(() => parseAnalyzeArgs([...base, '--audit', 'o.json', '--segment', "city = '成都市'"])).toThrow('--segment belongs to --mc');
    expect(() => parseAnalyzeArgs([...base, '--sobol', 'o.csv', '--samples', '8', '--seed', '1', '--segment', 'x'])).toThrow('--segment belongs to --mc');
  });
});
