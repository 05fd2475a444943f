import { App, Upload } from "antd";
import { useTranslation } from "react-i18next";
import { fileProblem } from "../files.ts";

/** An upload's `beforeUpload`: a file of the wrong type or too large is refused with a message saying which. */
export function useFileCheck() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (file: File): true | typeof Upload.LIST_IGNORE => {
    const problem = fileProblem(file);
    if (!problem) return true;
    void message.error(t(problem === "type" ? "materials.badType" : "materials.tooLarge", { name: file.name }));
    return Upload.LIST_IGNORE;
  };
}
