import { Card, Col, Row, Statistic } from "antd";
import { useTranslation } from "react-i18next";

/** Totals at the top of the worklist: how much, how much is yellow, how much is red (with words, not only colour). */
export function CountCards({ counts, loading }: { counts: { total: number; yellow: number; red: number } | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const cards = [
    { key: "total", title: t("wb.count.total"), value: counts?.total ?? 0, dot: null, color: undefined },
    { key: "yellow", title: t("cw.worklist.yellowCount"), value: counts?.yellow ?? 0, dot: "#d48806", color: "#ad4e00" },
    { key: "red", title: t("cw.worklist.redCount"), value: counts?.red ?? 0, dot: "#cf1322", color: "#a8071a" },
  ];
  return (
    <Row gutter={[12, 12]} className="counts-row" style={{ marginBottom: 16 }}>
      {cards.map((c) => (
        <Col xs={8} key={c.key}>
          <Card size="small" data-testid={`count-${c.key}`}>
            <Statistic
              title={<span>{c.dot && <span aria-hidden="true" style={{ color: c.dot }}>● </span>}{c.title}</span>}
              value={c.value}
              loading={loading}
              styles={{ content: c.color && c.value > 0 ? { color: c.color } : {} }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
