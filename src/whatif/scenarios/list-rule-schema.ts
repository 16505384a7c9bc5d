import { z } from 'zod';

const label = z.object({ zh: z.string().max(100), en: z.string().max(100) }).strict();
const scope = z.enum(['overall', 'stage', 'tech-field', 'city']).optional();

/** zod schema of a ListRule (lists/list-rule.ts); bounds as checkListRule enforces them. */
export const listRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('top-n'), n: z.number().int().min(0).max(100_000_000), scope }).strict(),
  z.object({ kind: z.literal('top-percent'), percent: z.number().min(0).max(100), scope }).strict(),
  z
    .object({
      kind: z.literal('bands'),
      mode: z.enum(['cumulative', 'exclusive']),
      bands: z
        .array(z.object({ id: z.string().min(1).max(100), name: label, percent: z.number().min(0).max(100) }).strict())
        .min(1)
        .max(20),
      scope,
    })
    .strict(),
  z.object({ kind: z.literal('threshold'), minScore: z.number().finite(), scope }).strict(),
]);
