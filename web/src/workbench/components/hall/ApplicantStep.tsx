import { SearchOutlined, UserAddOutlined } from "@ant-design/icons";
import { Alert, Button, Empty, Input, List, Segmented, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApplicantLookup, type HallApplicant, type LookupKey } from "../../../common/data/hall.ts";
import { isValidCreditCode, isValidIdNumber, isValidPhone } from "../../../common/validators.ts";
import { RegisterApplicant } from "./RegisterApplicant.tsx";

export type { HallApplicant, LookupKey };

const valid: Record<LookupKey, (v: string) => boolean> = { idNumber: isValidIdNumber, creditCode: isValidCreditCode, phone: isValidPhone };

/** Step 1 of the hall desk: find the person at the window by ID number, credit code or phone, or record them. */
export function ApplicantStep({ onSelect }: { onSelect: (a: HallApplicant) => void }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<LookupKey>("idNumber");
  const [value, setValue] = useState("");
  const [registering, setRegistering] = useState(false);
  const lookup = useApplicantLookup();
  const search = (raw: string) => {
    const v = raw.trim().toUpperCase();
    setValue(v);
    setRegistering(false);
    if (v) lookup.mutate({ by, value: v });
  };
  const looksWrong = value !== "" && !valid[by](value);
  const found = lookup.data?.items ?? [];

  return (
    <div>
      <Typography.Paragraph>{t("cw.hall.applicantIntro")}</Typography.Paragraph>
      <Segmented
        value={by}
        onChange={(v) => {
          setBy(v as LookupKey);
          lookup.reset();
        }}
        options={(["idNumber", "creditCode", "phone"] as const).map((k) => ({ value: k, label: t(`cw.hall.by.${k}`) }))}
        aria-label={t("cw.hall.lookupBy")}
        style={{ marginBottom: 12 }}
      />
      <Input.Search
        size="large"
        allowClear
        enterButton={<><SearchOutlined aria-hidden="true" /> {t("cw.hall.lookup")}</>}
        placeholder={t(`cw.hall.placeholder.${by}`)}
        aria-label={t(`cw.hall.by.${by}`)}
        loading={lookup.isPending}
        onSearch={search}
        style={{ maxWidth: 560 }}
      />
      {looksWrong && <Typography.Paragraph type="warning" style={{ marginTop: 6 }}>{t(`cw.hall.invalid.${by}`)}</Typography.Paragraph>}
      {lookup.error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={lookup.error.message} />}
      <div aria-live="polite" style={{ marginTop: 16 }}>
        {lookup.isSuccess &&
          (found.length ? (
            <List
              bordered
              dataSource={found}
              header={t("cw.hall.found", { count: found.length })}
              renderItem={(a) => (
                <List.Item
                  actions={[
                    <Button key="pick" type="primary" onClick={() => onSelect(a)}>
                      {t("cw.hall.pick")}
                      <span className="sr-only">：{a.name}</span>
                    </Button>,
                  ]}
                >
                  <Space wrap>
                    <strong>{a.name}</strong>
                    <Tag>{t(`applicantType.${a.type}`)}</Tag>
                    {a.phone && <span className="mono">{a.phone}</span>}
                  </Space>
                </List.Item>
              )}
            />
          ) : (
            <Empty description={t("cw.hall.notFound")}>
              <Button type="primary" icon={<UserAddOutlined aria-hidden="true" />} onClick={() => setRegistering(true)}>{t("cw.hall.register")}</Button>
            </Empty>
          ))}
        {!lookup.isSuccess && !registering && (
          <Button type="link" icon={<UserAddOutlined aria-hidden="true" />} onClick={() => setRegistering(true)} style={{ paddingInline: 0 }}>{t("cw.hall.registerDirect")}</Button>
        )}
      </div>
      {registering && <RegisterApplicant prefill={{ by, value }} onRegistered={onSelect} />}
    </div>
  );
}
