import { DownloadOutlined, FileTextOutlined, PhoneOutlined } from "@ant-design/icons";
import { Anchor, Card, Col, Descriptions, Row, Space, Steps, Tag, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { ItemGuide, Ref } from "../data/catalog.ts";
import { formatDate } from "../format.ts";
import { useIsMobile } from "../hooks/useIsMobile.ts";
import { Prose, Section } from "../components/Misc.tsx";

/** A department's name, linking to its page (contact, items, service figures). */
function DepartmentLink({ department }: { department: Ref }) {
  if (!department.id) return <>{department.name}</>;
  return <Link to={`/departments/${encodeURIComponent(department.id)}`}>{department.name}</Link>;
}

function stepTitle(name: string, kind: string): string {
  return name === kind || name.includes(kind) ? name : `${name}（${kind}）`;
}

function Flowchart({ name, src }: { name: string; src: string }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  if (failed) return <Typography.Text type="secondary">{t("guide.flowchartUnavailable")}</Typography.Text>;
  return (
    <figure style={{ margin: 0 }}>
      <img className="flowchart" src={src} alt={t("guide.flowchartAlt", { name })} onError={() => setFailed(true)} />
      <figcaption style={{ textAlign: "center", marginTop: 8 }}>
        <a href={src} target="_blank" rel="noreferrer">{t("guide.openFlowchart")}</a>
      </figcaption>
    </figure>
  );
}

/**
 * 办事指南: an item's guide in sections, as the public sees it. The portal shows an item's version
 * in effect with its apply button; the workbench previews a version before it takes effect.
 * `contents` adds the table of contents beside it. `flowchartSrc` names the UI's language (an <img> sends the browser's Accept-Language, not the UI's).
 */
export function GuideView({ item, flowchartSrc, apply, notice, contents = true }: { item: ItemGuide; flowchartSrc: string; apply?: (block: boolean) => ReactNode; notice?: ReactNode; contents?: boolean }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const sections = [
    ["basic", t("guide.basic")],
    ["conditions", t("guide.conditions")],
    ["materials", t("guide.materials")],
    ["process", t("guide.process")],
    ["limits", t("guide.limits")],
    ["fees", t("guide.fees")],
    ["basis", t("guide.legalBasis")],
    ["result", t("guide.result")],
    ["responsibilities", t("guide.responsibilities")],
    ["accountability", t("guide.accountability")],
    ["contact", t("guide.contact")],
  ] as const;

  return (
    <>
        <Card className="section-card">
          <Row gutter={[16, 16]} align="middle">
            <Col xs={24} md={17}>
              <Typography.Text type="secondary">{t("guide.title")}</Typography.Text>
              <Typography.Title level={1} style={{ margin: "4px 0 8px", fontSize: "1.7em" }}>{item.name}</Typography.Title>
              <Space size={[6, 6]} wrap>
                <Tag>{t(`level.${item.level}`)}</Tag>
                {item.department && <Tag>{item.department.name}</Tag>}
                {item.regionName && <Tag>{item.regionName}</Tag>}
                {(item.applicantTypes ?? []).map((a) => <Tag key={a} color="blue">{t(`applicantType.${a}`)}</Tag>)}
                {(item.assistingDepartments?.length ?? 0) > 0 && <Tag color="purple">{t("items.multiDepartment")}</Tag>}
                <Tag className="tag-promised">{t("items.promised", { days: item.promisedDays })}</Tag>
              </Space>
              <div className="item-meta" style={{ marginTop: 8 }}>
                <span>{t("guide.version")}：{item.version}</span>
                {item.updatedAt && <span>{t("guide.updatedAt")}：{formatDate(item.updatedAt)}</span>}
              </div>
            </Col>
            {apply && (
              <Col xs={24} md={7} style={{ textAlign: isMobile ? "left" : "right" }}>
                {apply(isMobile)}
              </Col>
            )}
          </Row>
          {notice}
        </Card>

        <div className={contents ? "guide-layout" : undefined}>
          <div>
            <Section id="basic" title={t("guide.basic")}>
              <Descriptions
                column={{ xs: 1, sm: 1, md: 2 }}
                layout={isMobile ? "vertical" : "horizontal"}
                bordered
                size="small"
                items={[
                  { key: "dept", label: t("guide.department"), children: item.department ? <DepartmentLink department={item.department} /> : null },
                  { key: "lead", label: t("guide.leadDepartment"), children: item.leadDepartment && item.leadDepartment.id !== item.department?.id ? <DepartmentLink department={item.leadDepartment} /> : (item.leadDepartment?.name ?? item.department?.name) },
                  ...((item.assistingDepartments?.length ?? 0) > 0
                    ? [{
                        key: "assist",
                        label: t("guide.assistingDepartments"),
                        children: item.assistingDepartments?.map((d, i) => (
                          <span key={d.id}>{i > 0 && "、"}<DepartmentLink department={d} /></span>
                        )),
                      }]
                    : []),
                  { key: "level", label: t("guide.level"), children: `${t(`level.${item.level}`)}${item.regionName ? ` · ${item.regionName}` : ""}` },
                  { key: "mode", label: t("guide.handlingMode"), children: t(`guide.mode.${item.handlingMode}`) },
                  { key: "who", label: t("guide.applicantTypes"), children: (item.applicantTypes ?? []).map((a) => t(`applicantType.${a}`)).join("、") || "—" },
                ]}
              />
            </Section>

            <Section id="conditions" title={t("guide.conditions")}>
              <Prose text={item.conditions} />
            </Section>

            <Section id="materials" title={t("guide.materials")} extra={<Typography.Text type="secondary">{t("guide.materialsCount", { count: item.materials.length })}</Typography.Text>}>
              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                {item.materials.map((m) => (
                  <li key={m.id} style={{ padding: "10px 0", borderBottom: "1px solid #f0f0f0" }}>
                    <Space size={[8, 4]} wrap>
                      {/* A material with a document of its own (a commitment, an agreement, a form): its name opens it. */}
                      <strong>{m.formUrl ? <a href={m.formUrl} target="_blank" rel="noreferrer">{m.name}</a> : m.name}</strong>
                      {m.required ? <Tag color="red">{t("guide.required")}</Tag> : <Tag>{t("guide.optional")}</Tag>}
                      {m.certificateType && <Tag color="blue">{t("guide.fromLibrary", { type: m.certificateTypeName ?? m.certificateType })}</Tag>}
                    </Space>
                    {m.description && <div className="muted" style={{ marginTop: 4 }}>{m.description}</div>}
                    {(m.formUrl || m.sampleUrl) && (
                      <Space size={16} style={{ marginTop: 6 }} wrap>
                        {m.formUrl && <a href={m.formUrl} target="_blank" rel="noreferrer"><DownloadOutlined /> {t("guide.blankForm")}</a>}
                        {m.sampleUrl && <a href={m.sampleUrl} target="_blank" rel="noreferrer"><FileTextOutlined /> {t("guide.sample")}</a>}
                      </Space>
                    )}
                  </li>
                ))}
              </ol>
            </Section>

            <Section id="process" title={t("guide.process")}>
              <Steps
                orientation="vertical"
                size="small"
                current={-1}
                items={item.process.steps.map((s) => ({
                  key: s.id,
                  status: "wait" as const,
                  title: stepTitle(s.name, t(`stepKind.${s.kind}`, { defaultValue: s.kind })),
                  content: (
                    <span>
                      {s.department?.name ?? (s.kind === "co-handle" ? t("guide.assistingEach") : item.department?.name)}
                      {" · "}
                      {t(`role.${s.role}`, { defaultValue: s.role })}
                      {" · "}
                      {t("guide.workingDays", { count: s.workingDays })}
                    </span>
                  ),
                }))}
              />
              <Flowchart name={item.name} src={flowchartSrc} />
            </Section>

            <Section id="limits" title={t("guide.limits")}>
              <Row gutter={[16, 16]}>
                <Col xs={24} sm={12}>
                  <div className="limit-box">
                    <div>{t("guide.statutoryLimit")}</div>
                    <div className="limit-value">{item.statutoryDays}</div>
                    <div>{t("guide.workingDaysUnit")}</div>
                    {item.statutoryExtensionDays ? <div className="muted">{t("guide.extension", { days: item.statutoryExtensionDays })}</div> : null}
                  </div>
                </Col>
                <Col xs={24} sm={12}>
                  <div className="limit-box">
                    <div>{t("guide.promisedLimit")}</div>
                    <div className="limit-value">{item.promisedDays}</div>
                    <div>{t("guide.workingDaysUnit")}</div>
                  </div>
                </Col>
              </Row>
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t("guide.limitsNote")}</Typography.Paragraph>
            </Section>

            <Section id="fees" title={t("guide.fees")}><Prose text={item.fees} empty={t("guide.noFees")} /></Section>
            <Section id="basis" title={t("guide.legalBasis")}><Prose text={item.legalBasis} /></Section>
            <Section id="result" title={t("guide.result")}><Prose text={item.result} /></Section>
            <Section id="responsibilities" title={t("guide.responsibilities")}><Prose text={item.responsibilities} /></Section>
            <Section id="accountability" title={t("guide.accountability")}><Prose text={item.accountability} /></Section>
            <Section id="contact" title={t("guide.contact")}>
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: "c", label: t("guide.consultationPhone"), children: <a href={`tel:${item.consultationPhone}`}><PhoneOutlined /> {item.consultationPhone}</a> },
                  { key: "p", label: t("guide.complaintPhone"), children: <a href={`tel:${item.complaintPhone}`}><PhoneOutlined /> {item.complaintPhone}</a> },
                ]}
              />
            </Section>
          </div>
          {contents && (
            <aside className="guide-anchor" aria-label={t("guide.contents")}>
              <div style={{ position: "sticky", top: 88 }}>
                <Card size="small" title={t("guide.contents")}>
                  <Anchor offsetTop={88} targetOffset={88} items={sections.map(([key, title]) => ({ key, href: `#${key}`, title }))} />
                </Card>
                {apply && <div style={{ marginTop: 12 }}>{apply(true)}</div>}
              </div>
            </aside>
          )}
        </div>
    </>
  );
}
