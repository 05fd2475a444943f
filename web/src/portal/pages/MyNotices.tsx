import { MailOutlined, MessageOutlined, MobileOutlined, TranslationOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Form, Input, Space } from "antd";
import { emailSchema } from "@cq/contracts";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { PageHeading } from "../../common/components/Misc.tsx";
import { useMe, useSetEmail } from "../../common/data/me.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { RequireApplicant } from "../RequireApplicant.tsx";

/** The one check of an address: the schema the server validates with. */
const isEmail = (v: string) => emailSchema.safeParse(v).success;

function MyNoticesPage() {
  const { t } = useTranslation();
  useTitle(t("acct.notices.title"));
  const { message } = App.useApp();
  const { me } = useMe();
  const [form] = Form.useForm<{ email: string }>();
  const setEmail = useSetEmail({
    onSuccess: (email) => {
      form.setFieldsValue({ email: email ?? "" });
      void message.success(t(email ? "acct.notices.saved" : "acct.notices.removed"));
    },
    onError: () => undefined,
  });
  if (!me) return null;
  const label = (icon: React.ReactNode, text: string) => <Space>{icon}{text}</Space>;
  return (
    <div className="container page" style={{ maxWidth: 760 }}>
      <PageHeading title={t("acct.notices.title")} subtitle={t("acct.notices.subtitle")} />
      <Card>
        <Descriptions column={1} bordered size="middle" styles={{ label: { width: 160 } }}>
          <Descriptions.Item label={label(<MessageOutlined />, t("acct.notices.inbox"))}>
            <Link to="/my/inbox">{t("acct.notices.inboxHow")}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={label(<MobileOutlined />, t("acct.notices.sms"))}>
            {me.phoneMasked ? t("acct.notices.smsTo", { phone: me.phoneMasked }) : t("acct.notices.noPhone")}
          </Descriptions.Item>
          <Descriptions.Item label={label(<TranslationOutlined />, t("acct.notices.language"))}>
            {t("acct.notices.languageIs", { lang: me.lang === "en" ? "English" : "简体中文" })}
          </Descriptions.Item>
          <Descriptions.Item label={label(<MailOutlined />, t("acct.notices.email"))}>
            {setEmail.error && <Alert type="error" showIcon title={setEmail.error.message} style={{ marginBottom: 12 }} />}
            <Form<{ email: string }>
              form={form}
              name="notice-email"
              layout="vertical"
              requiredMark={false}
              initialValues={{ email: me.email ?? "" }}
              onFinish={(v) => setEmail.mutate(v.email.trim())}
            >
              <Form.Item
                name="email"
                label={t("acct.notices.email")}
                extra={t("acct.notices.emailHint")}
                rules={[{ required: true, validator: async (_r, v: string | undefined) => { if (!v || !isEmail(v.trim())) throw new Error(t("acct.notices.emailInvalid")); } }]}
              >
                <Input type="email" autoComplete="email" inputMode="email" maxLength={254} style={{ maxWidth: 360 }} />
              </Form.Item>
              <Space wrap>
                <Button type="primary" htmlType="submit" loading={setEmail.isPending && setEmail.variables !== null}>{t("acct.notices.save")}</Button>
                {me.email && (
                  <Button onClick={() => setEmail.mutate(null)} loading={setEmail.isPending && setEmail.variables === null}>{t("acct.notices.remove")}</Button>
                )}
              </Space>
            </Form>
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </div>
  );
}

/** 通知设置: how an applicant is told (inbox, SMS, and e-mail where they give an address). */
export default function MyNotices() {
  return (
    <RequireApplicant>
      <MyNoticesPage />
    </RequireApplicant>
  );
}
