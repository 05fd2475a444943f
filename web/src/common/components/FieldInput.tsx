import { DatePicker, Input, InputNumber } from "antd";
import { type FormField } from "../data/catalog.ts";

/** Form.Item passes id, value and onChange to its child: they must reach the real control. */
export function FieldInput({ field, ...control }: { field: FormField } & Record<string, unknown>) {
  switch (field.type) {
    case "textarea":
      return <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount {...control} />;
    case "number":
      return <InputNumber style={{ width: "100%" }} {...control} />;
    case "date":
      return <DatePicker style={{ width: "100%" }} {...control} />;
    case "phone":
      return <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={20} {...control} />;
    case "idNumber":
      return <Input maxLength={18} autoComplete="off" {...control} />;
    default:
      return <Input maxLength={200} {...control} />;
  }
}
