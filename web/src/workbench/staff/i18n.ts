import i18n from "../../common/i18n/index.ts";
import { en, zhCN } from "../../common/i18n/staffadmin.ts";

// The staff administration texts live in their own bundle, merged into the default namespace at
// import time (deep, never overwriting a key the main bundle already has).
i18n.addResourceBundle("zh-CN", "translation", zhCN, true, false);
i18n.addResourceBundle("en", "translation", en, true, false);

export default i18n;
