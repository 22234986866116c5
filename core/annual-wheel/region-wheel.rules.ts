// Input rules of a region's shared milestones: the milestone form's fields, but the target is a
// unit kind or the municipality as a whole — never chosen units, whose ids belong to one tenant.
import { z } from 'zod';
import { ZMilestoneInputSchema, ZVersionSchema, ZYearSchema } from './annual-wheel.rules.ts';

export const ZRegionMilestoneInputSchema = ZMilestoneInputSchema.superRefine((value, ctx) => {
  if (value.target === 'units') ctx.addIssue({ code: 'custom', path: ['target'], message: 'wheel.errors.regionNoChosenUnits' });
});
export type TRegionMilestoneInput = z.infer<typeof ZRegionMilestoneInputSchema>;

export const ZCreateRegionMilestoneSchema = ZRegionMilestoneInputSchema.and(z.object({ year: ZYearSchema }));
export const ZUpdateRegionMilestoneSchema = ZRegionMilestoneInputSchema.and(z.object({ version: ZVersionSchema }));

/** The stored target of a region milestone: a unit kind, or null (the municipality as a whole). */
export function regionTargetKind(input: Pick<TRegionMilestoneInput, 'target'>): string | null {
  return input.target.startsWith('kind:') ? input.target.slice(5) : null;
}
