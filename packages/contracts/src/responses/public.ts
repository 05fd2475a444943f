import { z } from "zod";
import { caseResults, caseStatuses, lights, stepProgress } from "../enums.ts";
import { isoDate, isoTime } from "./common.ts";
import { Extension, Suspension } from "./cases.ts";

/** Progress by supervision code (R34): item, department, status and steps; never personal data. */
export const PublicProgress = z.object({
  supervisionCode: z.string().nullable(),
  /** 申请编号: the progress page also opens by it before acceptance. */
  referenceNo: z.string().optional(),
  itemName: z.string(),
  department: z.string(),
  status: z.enum(caseStatuses),
  result: z.enum(caseResults).optional(),
  acceptedAt: isoTime.optional(),
  dueDate: isoDate.optional(),
  remainingWorkingDays: z.number().optional(),
  suspended: z.boolean().optional(),
  light: z.enum(lights).optional(),
  suspensions: z.array(Suspension),
  extensions: z.array(Extension),
  steps: z.array(z.object({ name: z.string(), department: z.string(), status: z.enum(stepProgress), finishedAt: isoTime.optional() })),
});
export type PublicProgress = z.infer<typeof PublicProgress>;
