import i18n from "../../common/i18n/index.ts";
import { en, zhCN } from "../../common/i18n/departments.ts";

// The departments' texts (部门与区县, a department's page and its 服务数据) live in their own bundle,
// merged into the default namespace at import time (deep, never overwriting a key the main bundle has).
i18n.addResourceBundle("zh-CN", "translation", zhCN, true, false);
i18n.addResourceBundle("en", "translation", en, true, false);

export default i18n;
