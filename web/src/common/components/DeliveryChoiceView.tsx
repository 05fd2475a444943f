import { Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import type { DeliveryChoice, PickupPlace } from "@cq/contracts";
import { formatDate } from "../format.ts";

/** Where a result is collected: the hall's name, address, hours and phone. */
export function PickupPlaceView({ place }: { place: PickupPlace }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: "place", label: t("dc.place"), children: <>{place.name}<br />{place.address}</> },
        ...(place.hours ? [{ key: "hours", label: t("dc.hours"), children: place.hours }] : []),
        ...(place.phone ? [{ key: "phone", label: t("dc.phone"), children: place.phone }] : []),
      ]}
    />
  );
}

/** The applicant's choice as the case page and the case file show it. */
export function DeliveryChoiceView({ choice, place }: { choice: DeliveryChoice; place?: PickupPlace | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: "method", label: t("dc.method"), children: <strong>{t(`dc.methods.${choice.method}`)}</strong> },
          ...(choice.recipientName ? [{ key: "name", label: t("dc.recipientName"), children: choice.recipientName }] : []),
          ...(choice.phone ? [{ key: "phone", label: t("dc.recipientPhone"), children: choice.phone }] : []),
          ...(choice.address ? [{ key: "address", label: t("dc.address"), children: choice.address }] : []),
        ]}
      />
      {choice.method === "pickup" && place && <PickupPlaceView place={place} />}
      <div className="muted">
        {t("dc.chosenAt", { at: formatDate(choice.chosenAt, true) })}
        {choice.readyNoticeAt && <> · {t("dc.readyNotice", { at: formatDate(choice.readyNoticeAt, true) })}</>}
      </div>
    </>
  );
}
