import { SafetyCertificateOutlined } from "@ant-design/icons";
import { App, Button, DatePicker, Form, Input, InputNumber, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { useRecordTraining, type StaffMember } from "../../common/data/staff.ts";
import { ServerError } from "./parts.tsx";

interface Values {
  course?: string;
  hours?: number | null;
  completedOn?: Dayjs | null;
  certificateNo?: string;
}

/** 登记培训 (R17): recorded at once (no approval); it makes the staff member eligible for approving roles. */
export function TrainingForm({ staff }: { staff: Pick<StaffMember, "id" | "name"> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const record = useRecordTraining(staff.id, () => {
    void message.success(t("sa.training.done", { name: staff.name }));
    form.resetFields();
  });
  const headingId = `sa-training-form-${staff.id}`;
  const submit = (v: Values) => {
    if (!v.course || !v.hours || !v.completedOn) return;
    const certificateNo = v.certificateNo?.trim();
    record.mutate({
      course: v.course.trim(),
      hours: v.hours,
      completedOn: v.completedOn.format("YYYY-MM-DD"),
      ...(certificateNo ? { certificateNo } : {}),
    });
  };
  return (
    <section aria-labelledby={headingId} className="sa-training-form">
      <Typography.Title level={3} id={headingId} style={{ fontSize: "1em", marginTop: 16 }}>
        {t("sa.training.formTitle")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("sa.training.formHint")}</Typography.Paragraph>
      <Form<Values>
        form={form}
        name={`sa-training-${staff.id}`}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => {
          if (record.isError) record.reset();
        }}
      >
        <div className="sa-form-grid">
          <Form.Item
            name="course"
            label={t("sa.training.course")}
            rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t("sa.training.courseRequired") }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="hours" label={t("sa.training.hours")} rules={[{ required: true, type: "integer", min: 1, max: 500, message: t("sa.training.hoursRequired") }]}>
            <InputNumber min={1} max={500} precision={0} step={1} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="completedOn" label={t("sa.training.completedOn")} rules={[{ required: true, message: t("sa.training.completedOnRequired") }]}>
            <DatePicker style={{ width: "100%" }} disabledDate={(d) => d.isAfter(new Date(), "day")} />
          </Form.Item>
          <Form.Item name="certificateNo" label={t("sa.training.certificateOptional")} rules={[{ max: 60 }]}>
            <Input maxLength={60} />
          </Form.Item>
        </div>
        <ServerError error={record.error} />
        <Button type="primary" htmlType="submit" icon={<SafetyCertificateOutlined aria-hidden />} loading={record.isPending}>
          {t("sa.training.submit")}
        </Button>
      </Form>
    </section>
  );
}
