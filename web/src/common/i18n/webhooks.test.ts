import { integrationEventTypes, webhookDeliveryStatuses, webhookSubscriptionStatuses } from "@cq/contracts";
import { describe, expect, it } from "vitest";
import { zhCN } from "./webhooks.ts";
import { en } from "./webhooks.en.ts";
import { checkBundlePair, get } from "./bundleKit.ts";

describe("webhook texts (wh)", () => {
  checkBundlePair("webhooks", zhCN, en, { plurals: false });

  it("names every event type and every status, never showing a raw code", () => {
    const keys = [
      ...integrationEventTypes.map((e) => `wh.eventNames.${e}`),
      ...webhookSubscriptionStatuses.map((s) => `wh.statuses.${s}`),
      ...webhookDeliveryStatuses.map((s) => `wh.delivery.statuses.${s}`),
    ];
    expect(keys.filter((k) => typeof get(zhCN, k) !== "string" || typeof get(en, k) !== "string")).toEqual([]);
  });
});
