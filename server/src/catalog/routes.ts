import { CatalogQuery, HallsQuery } from "@cq/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../platform/context.ts";
import { AppError } from "../platform/errors.ts";
import { renderApplicationForm } from "../documents/applicationForm.ts";
import { renderFlowchartSvg } from "./flowchart.ts";
import { flowStepsOf, presentGuide } from "./presenter.ts";
import { findItemWithVersion, hallsOfRegion, listDepartments, listRegions, materialFile, searchItems } from "./repository.ts";

export function catalogRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const loadGuide = async (id: string, lang: "zh-CN" | "en" = "zh-CN") => {
      const item = await findItemWithVersion(deps.db, id);
      if (!item) throw new AppError("ITEM_NOT_FOUND");
      return presentGuide(deps.db, item, lang);
    };

    app.get("/api/catalog/regions", { schema: { tags: ["catalog"] } }, async () => {
      const rows = await listRegions(deps.db);
      return { items: rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code })) };
    });

    app.get(
      "/api/catalog/departments",
      { schema: { tags: ["catalog"], querystring: z.object({ regionCode: z.string().regex(/^\d{6}$/).optional() }) } },
      async (req) => {
        const rows = await listDepartments(deps.db, req.query.regionCode);
        return {
          items: rows.map((d) => ({
            id: d.id, name: d.name, shortName: d.short_name, regionCode: d.region_code, regionName: d.region_name,
            phone: d.phone, address: d.address, itemCount: Number(d.item_count ?? 0),
          })),
        };
      },
    );

    app.get(
      "/api/catalog/halls",
      { schema: { tags: ["catalog"], querystring: HallsQuery } },
      async (req) => {
        const rows = await hallsOfRegion(deps.db, req.query.regionCode);
        return { items: rows.map((h) => ({ id: h.id, name: h.name, regionCode: h.region_code, address: h.address, phone: h.phone, openingHours: h.hours })) };
      },
    );

    app.get("/api/catalog/items", { schema: { tags: ["catalog"], querystring: CatalogQuery } }, async (req) => {
      const { limit, cursor, ...filter } = req.query;
      const rows = await searchItems(deps.db, { ...filter, limit, afterCode: filter.q ? undefined : cursor });
      const page = rows.slice(0, limit);
      return {
        items: page.map((r) => ({
          id: r.id,
          code: r.code,
          name: r.name,
          department: { id: r.department_id, name: r.department_name },
          level: r.level,
          regionCode: r.region_code,
          regionName: r.region_name,
          statutoryDays: r.statutory_days,
          promisedDays: r.promised_days,
          multiDepartment: r.assisting_department_ids.length > 0,
          applicantTypes: r.applicant_types,
          offlineOnly: r.offline_only,
        })),
        // Relevance-ranked searches come in one page; plain listings page by item code.
        nextCursor: !filter.q && rows.length > limit ? page[page.length - 1]!.code : null,
      };
    });

    app.get("/api/catalog/items/:id", { schema: { tags: ["catalog"], params: z.object({ id: z.string().max(64) }) } }, async (req) =>
      loadGuide(req.params.id, req.lang),
    );

    app.get(
      "/api/catalog/items/:id/flowchart.svg",
      { schema: { tags: ["catalog"], params: z.object({ id: z.string().max(64) }), querystring: z.object({ lang: z.enum(["zh-CN", "en"]).optional() }) } },
      async (req, reply) => {
        const guide = await loadGuide(req.params.id);
        reply.type("image/svg+xml").header("cache-control", "public, max-age=300");
        return renderFlowchartSvg(flowStepsOf(guide), { title: guide.name, lang: req.query.lang ?? req.lang });
      },
    );

    app.get(
      "/api/catalog/items/:id/materials/:materialId/:variant",
      { schema: { tags: ["catalog"], params: z.object({ id: z.string().max(64), materialId: z.string().max(64), variant: z.enum(["form.pdf", "sample.pdf"]) }) } },
      async (req, reply) => {
        const guide = await loadGuide(req.params.id);
        const material = guide.materials.find((m) => m.id === req.params.materialId);
        if (!material || !("formUrl" in material)) throw new AppError("MATERIAL_NOT_FOUND");
        const sample = req.params.variant === "sample.pdf";
        const uploaded = await materialFile(deps.db, material.id, sample ? "sample" : "blank");
        if (uploaded) {
          reply.type("application/pdf").header("content-disposition", `inline; filename="${encodeURIComponent(material.name)}.pdf"`);
          return reply.send(await deps.files.get(uploaded));
        }
        const pdf = await renderApplicationForm(deps, {
          item: { id: guide.id, code: guide.code, name: guide.name, consultationPhone: guide.consultationPhone, complaintPhone: guide.complaintPhone },
          department: guide.department ? { id: guide.department.id, name: guide.department.name } : null,
          materialName: material.name,
          sample,
          fields: guide.formFields.map((f) => ({ label: f.label, required: f.required, example: exampleFor(f.type, f.label) })),
        });
        reply.type("application/pdf").header("content-disposition", `inline; filename="${encodeURIComponent(material.name)}.pdf"`);
        return reply.send(pdf);
      },
    );
  };
}

function exampleFor(type: string, label: string): string {
  if (type === "date") return "2026-12-01";
  if (type === "number") return "120";
  if (/电话/.test(label)) return "023-67000000";
  if (/地址|场所|位置/.test(label)) return "重庆市渝北区龙溪街道金山路18号";
  if (/联系人|姓名|负责人/.test(label)) return "李明";
  return `（${label}示例）`;
}
